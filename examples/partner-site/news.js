import { renderDetail } from "./detail.js";

renderDetail("news");
