import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-DLZRWCH2.js";import"./chunk-VKKO52FM.js";export{a as crdIndex,d as crdValidator,c as rememberJsonSchema,b as toJsonSchema};
