import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{a,b}from"./chunk-7PGZOWT7.js";import"./chunk-DLZRWCH2.js";import"./chunk-K3MQL542.js";import"./chunk-VKKO52FM.js";export{a as prefetchCrdSchemas,b as prefetchedCrdSchemas};
