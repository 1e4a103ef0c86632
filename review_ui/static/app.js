// hoso review UI: shared helpers and the queue's keyboard navigation (j/k, Enter). No framework.
"use strict";
window.hoso = {
  csrf: () => document.querySelector('meta[name="csrf-token"]').content,
  typing: (e) => {
    const t = e.target;
    return t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
  },
};
(function queueKeys() {
  const table = document.querySelector('table[data-keys="queue"]');
  if (!table) return;
  const rows = Array.from(table.querySelectorAll("tbody tr[data-href]"));
  if (!rows.length) return;
  let i = 0;
  const select = (n) => {
    rows[i].classList.remove("sel");
    i = Math.max(0, Math.min(rows.length - 1, n));
    rows[i].classList.add("sel");
    rows[i].scrollIntoView({ block: "nearest" });
  };
  select(0);
  document.addEventListener("keydown", (e) => {
    if (hoso.typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") { select(i + 1); e.preventDefault(); }
    else if (e.key === "k") { select(i - 1); e.preventDefault(); }
    else if (e.key === "Enter" || e.key === "o") { window.location = rows[i].dataset.href; e.preventDefault(); }
  });
  rows.forEach((r, n) => r.addEventListener("click", (e) => { if (e.target.tagName !== "A") select(n); }));
})();
