export { WhatIfPanel } from "./WhatIfPanel";
