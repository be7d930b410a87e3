import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{c as a,d as b,e as c,f as d}from"./chunk-FSIXE7OI.js";import"./chunk-ZW7ZQF5A.js";import"./chunk-VKKO52FM.js";export{d as unvalidatedNote,c as unvalidatedObjects,b as validateObject,a as validateWorkspace};
