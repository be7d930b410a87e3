import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
var i=class{constructor(n){this.text=n;for(let t=n.indexOf(`
`);t!==-1;t=n.indexOf(`
`,t+1))this.starts.push(t+1)}text;starts=[0];get lineCount(){return this.starts.length}position(n){let t=Math.max(0,Math.min(n,this.text.length)),s=0,e=this.starts.length-1;for(;s<e;){let r=s+e+1>>1;this.starts[r]<=t?s=r:e=r-1}return{line:s+1,column:t-this.starts[s]+1}}lineText(n){let t=this.starts[n-1];if(t===void 0)return"";let s=this.starts[n];return this.text.slice(t,s===void 0?void 0:s-1).replace(/\r$/,"")}lineStart(n){return this.starts[Math.max(0,Math.min(n-1,this.starts.length-1))]}};export{i as a};
