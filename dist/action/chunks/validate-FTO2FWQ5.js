import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{c as a,d as b,e as c,f as d,g as e}from"./chunk-S7UANOKU.js";import"./chunk-ZW7ZQF5A.js";import"./chunk-Z3SHDAFV.js";import"./chunk-VKKO52FM.js";export{c as builtinProblems,e as unvalidatedNote,d as unvalidatedObjects,b as validateObject,a as validateWorkspace};
