import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
var r=new WeakMap;function o(e,t){t&&r.set(e,t)}function c(e){return r.get(e)}function n(e,t){return t.length?`${e}/${t.join("/")}`:String(e)}export{o as a,c as b,n as c};
