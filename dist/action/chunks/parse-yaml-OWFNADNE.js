import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{a as e}from"./chunk-YVZFLGAL.js";import{e as r}from"./chunk-VKKO52FM.js";var o=r(e(),1);var export_parse=o.parse;export{export_parse as parse};
