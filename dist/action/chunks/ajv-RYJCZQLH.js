import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{b as a}from"./chunk-EAZVPEAK.js";import"./chunk-VNSYCR4N.js";import"./chunk-VKKO52FM.js";export default a();
