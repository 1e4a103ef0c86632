// Flag screen: 1/2/3 choose the resolution and focus the note (Enter submits), j/k next/previous,
// and a zoom/pan viewer that opens centred on the field's box.
"use strict";
(function resolveKeys() {
  const form = document.getElementById("resolve-form");
  const note = document.getElementById("note");
  const valueRow = document.getElementById("value-row");
  const choose = (kind) => {
    if (!form) return;
    const radio = form.querySelector(`input[name=kind][value=${kind}]`);
    radio.checked = true;
    radio.dispatchEvent(new Event("change", { bubbles: true }));
    note.focus();
  };
  if (form) {
    form.addEventListener("change", () => {
      const kind = form.querySelector("input[name=kind]:checked");
      valueRow.hidden = !(kind && kind.value === "ocr");
    });
    note.addEventListener("keydown", (e) => { if (e.key === "Escape") note.blur(); });
  }
  const go = (id) => { const a = document.getElementById(id); if (a) window.location = a.href; };
  document.addEventListener("keydown", (e) => {
    if (hoso.typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    const kinds = { "1": "paper", "2": "electronic", "3": "ocr" };
    if (kinds[e.key] && form) { choose(kinds[e.key]); e.preventDefault(); }
    else if (e.key === "j") { go("next"); }
    else if (e.key === "k") { go("prev"); }
  });
})();

(function viewer() {
  const box = document.getElementById("viewer");
  const img = document.getElementById("page-img");
  if (!box || !img) return;
  const canvas = box.querySelector(".canvas");
  const mark = document.getElementById("bbox");
  const k = parseFloat(box.dataset.scale || "0.5");
  const bbox = box.dataset.bbox ? box.dataset.bbox.split(",").map(Number) : null;
  let s = 1, x = 0, y = 0;
  const apply = () => { canvas.style.transform = `translate(${x}px, ${y}px) scale(${s})`; };
  const fit = () => { s = Math.min(box.clientWidth / img.naturalWidth, box.clientHeight / img.naturalHeight); x = (box.clientWidth - img.naturalWidth * s) / 2; y = 0; apply(); };
  const focusBox = () => {
    if (!bbox) return fit();
    const [x0, y0, x1, y1] = bbox.map((v) => v * k);
    s = Math.min(1.4, Math.max(0.6, (box.clientWidth * 0.8) / Math.max(x1 - x0, 1)));
    x = box.clientWidth / 2 - ((x0 + x1) / 2) * s;
    y = box.clientHeight / 2 - ((y0 + y1) / 2) * s;
    apply();
  };
  const zoom = (factor, cx = box.clientWidth / 2, cy = box.clientHeight / 2) => {
    const n = Math.min(6, Math.max(0.1, s * factor));
    x = cx - ((cx - x) * n) / s; y = cy - ((cy - y) * n) / s; s = n; apply();
  };
  const ready = () => {
    if (mark && bbox) {
      const [x0, y0, x1, y1] = bbox.map((v) => v * k);
      const pad = 4;
      Object.assign(mark.style, { left: `${x0 - pad}px`, top: `${y0 - pad}px`, width: `${x1 - x0 + 2 * pad}px`, height: `${y1 - y0 + 2 * pad}px` });
    }
    focusBox();
    box.dataset.ready = "1";
  };
  if (img.complete && img.naturalWidth) ready(); else img.addEventListener("load", ready);
  box.addEventListener("wheel", (e) => { e.preventDefault(); const r = box.getBoundingClientRect(); zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top); }, { passive: false });
  let drag = null;
  box.addEventListener("mousedown", (e) => { if (e.target.closest(".tools")) return; drag = { sx: e.clientX - x, sy: e.clientY - y }; box.classList.add("dragging"); e.preventDefault(); });
  window.addEventListener("mousemove", (e) => { if (drag) { x = e.clientX - drag.sx; y = e.clientY - drag.sy; apply(); } });
  window.addEventListener("mouseup", () => { drag = null; box.classList.remove("dragging"); });
  box.querySelectorAll("[data-zoom]").forEach((b) => b.addEventListener("click", () => {
    const z = b.dataset.zoom; if (z === "in") zoom(1.25); else if (z === "out") zoom(0.8); else fit();
  }));
  document.addEventListener("keydown", (e) => {
    if (hoso.typing(e)) return;
    if (e.key === "+" || e.key === "=") zoom(1.25); else if (e.key === "-") zoom(0.8); else if (e.key === "0") fit();
  });
})();
