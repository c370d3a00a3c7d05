import { renderDetail } from "./detail.js";

renderDetail("conference");
