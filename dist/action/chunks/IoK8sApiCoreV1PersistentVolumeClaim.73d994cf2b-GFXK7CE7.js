import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
import{a,b}from"./chunk-QQVPOJS2.js";import"./chunk-DR5D3ZVV.js";import"./chunk-MDOG626O.js";import"./chunk-XK2FXWMZ.js";import"./chunk-6LSJBZIA.js";import"./chunk-J5KI7E2D.js";import"./chunk-QUQK57NU.js";import"./chunk-VKKO52FM.js";export{b as default,a as validate};
