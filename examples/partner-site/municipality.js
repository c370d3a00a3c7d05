import { renderDetail } from "./detail.js";

renderDetail("municipality");
