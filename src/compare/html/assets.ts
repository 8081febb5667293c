// The page's own style and its few lines of script (sorting the cross-agency table). Inline, so
// the file works offline and from disk; with scripts off everything but sorting still works.
export const STYLE = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:0 auto;max-width:960px;padding:12px;color:#1b1b1b;overflow-wrap:anywhere}
h1{font-size:1.5em}h2{font-size:1.25em;border-top:2px solid #ccc;padding-top:.6em;margin-top:2em}h3{font-size:1.05em}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.9em}
th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}
tbody tr:hover{background:#f3f6fb}
th button{font:inherit;font-weight:bold;border:0;background:none;padding:0;cursor:pointer;text-align:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
figure{margin:.5em 0;min-width:0}figure svg{width:100%;height:auto;max-width:560px;display:block}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:8px 16px}
figcaption{font-size:.85em;color:#555}
.muted{color:#666;font-size:.85em}.flag{color:#a33}
code{font-size:.9em}
@media (max-width:600px){
 table.stack thead{display:none}
 table.stack tr{display:block;border-bottom:1px solid #bbb;padding:4px 0}
 table.stack td{display:flex;justify-content:space-between;gap:8px;border:0;padding:1px 2px;text-align:right}
 table.stack td::before{content:attr(data-label);font-weight:bold;text-align:left;color:#444;flex:none;white-space:nowrap}
 table.stack td{overflow-wrap:anywhere;min-width:0}
 table.stack td:first-child{display:block;text-align:left;font-weight:bold}
 table.stack td:first-child::before{content:none}
}`;

/** Click a column head to sort by it; rows carry their sort values in data-v. */
export const SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function(t){
 t.querySelectorAll('th').forEach(function(th,i){
  var b=document.createElement('button');b.textContent=th.textContent;th.textContent='';th.appendChild(b);
  b.addEventListener('click',function(){
   var asc=th.getAttribute('aria-sort')!=='ascending',body=t.tBodies[0];
   t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');
   var key=function(r){var v=r.cells[i].getAttribute('data-v');return v===null||v===''?null:isNaN(v)?v:Number(v)};
   Array.from(body.rows).sort(function(a,b){var x=key(a),y=key(b);if(x===y)return 0;if(x===null)return 1;if(y===null)return -1;return (x<y?-1:1)*(asc?1:-1)}).forEach(function(r){body.appendChild(r)});
  });
 });
});`;
