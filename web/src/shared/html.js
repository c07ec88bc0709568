// Preact with htm's tagged templates: no JSX build step, plain modules.
export { html, render } from "htm/preact";
export { useState, useEffect, useCallback, useMemo, useRef } from "preact/hooks";
