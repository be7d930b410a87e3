import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);
function u(l,a=1/0){let i=[],h=0,f=0,r=-1,n=0,o=l.length;for(;n<o;){let g=n,t=0;for(;n<o&&(l[n]===" "||l[n]==="	");)n++,t++;if(!(n>=o||l[n]===`
`||l[n]==="\r"||l[n]==="#")&&h===0){for(;i.length&&i[i.length-1]>=t;)i.pop();i.push(t)}let s=0;for(;n+1<o&&(l[n]==="-"||l[n]==="?")&&(l[n+1]===" "||l[n+1]==="	");)for(s++,n+=2;n<o&&(l[n]===" "||l[n]==="	");)n++;let c="";for(;n<o&&l[n]!==`
`;n++){let e=l[n];if(c){e==="\\"&&c==='"'?n++:e===c&&(c="");continue}if(e==='"'||e==="'")c=e;else{if(e==="#"&&(n===0||l[n-1]===" "||l[n-1]==="	"))break;e==="["||e==="{"?(h++,i.length+s+h>f&&(f=i.length+s+h)):(e==="]"||e==="}")&&h>0&&h--}}for(i.length+s+h>f&&(f=i.length+s+h),r<0&&f>a&&(r=g);n<o&&l[n]!==`
`;)n++;n++}return{depth:f,at:r}}export{u as a};
