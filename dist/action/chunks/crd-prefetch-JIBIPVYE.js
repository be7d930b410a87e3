import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{c as a,d as b}from"./chunk-RM6VZGTW.js";import"./chunk-WZ4KPNHL.js";import"./chunk-VKKO52FM.js";export{a as prefetchCrdSchemas,b as prefetchedCrdSchemas};
