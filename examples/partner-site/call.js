import { renderDetail } from "./detail.js";

renderDetail("call");
