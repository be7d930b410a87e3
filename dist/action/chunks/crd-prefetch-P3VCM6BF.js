import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{a,b}from"./chunk-BQETBQ6J.js";import"./chunk-DLZRWCH2.js";import"./chunk-5ULJIAZV.js";import"./chunk-VKKO52FM.js";export{a as prefetchCrdSchemas,b as prefetchedCrdSchemas};
