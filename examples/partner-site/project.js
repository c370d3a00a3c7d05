import { renderDetail } from "./detail.js";

renderDetail("project");
