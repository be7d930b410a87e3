import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{g as a,h as b,i as c,j as d,k as e,l as f}from"./chunk-TTKHRMHW.js";import"./chunk-Z3SHDAFV.js";import"./chunk-VKKO52FM.js";export{b as MAX_SCAN_CHARS,c as candidateDetectors,a as isBinaryText,e as scanFileText,d as scanText,f as toSent};
