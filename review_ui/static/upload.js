// Upload: drag and drop or pick many files / ZIPs, refuse oversize before sending, then follow each
// file's state from the server (the database), so a reload shows the same progress.
"use strict";
(function upload() {
  const form = document.getElementById("upload-form");
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("files");
  const chosen = document.getElementById("chosen");
  const msg = document.getElementById("upload-msg");
  const limit = parseInt(form.dataset.limit, 10);
  let files = [];
  const fmt = (n) => (n / 1048576).toFixed(1) + " MB";
  const show = (text, kind) => { msg.innerHTML = ""; if (text) { const d = document.createElement("div"); d.className = "flash " + (kind || "info"); d.textContent = text; msg.appendChild(d); } };
  const setFiles = (list) => {
    files = Array.from(list);
    const total = files.reduce((a, f) => a + f.size, 0);
    chosen.textContent = files.length ? `${files.length} tệp, ${fmt(total)}: ` + files.map((f) => f.name).join(", ") : "";
    show(total > limit ? `Tổng dung lượng ${fmt(total)} vượt quá giới hạn ${form.dataset.limitMb} MB cho mỗi lần tải. Hãy chia nhỏ rồi tải lại.` : "", "error");
  };
  input.addEventListener("change", () => setFiles(input.files));
  ["dragenter", "dragover"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.remove("over"); }));
  zone.addEventListener("drop", (e) => setFiles(e.dataTransfer.files));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!files.length) return show("Chưa chọn tệp nào để tải lên.", "error");
    if (files.reduce((a, f) => a + f.size, 0) > limit) return show(`Vượt quá giới hạn ${form.dataset.limitMb} MB cho mỗi lần tải.`, "error");
    const data = new FormData();
    files.forEach((f) => data.append("files", f, f.name));
    data.append("unit", form.querySelector("[name=unit]").value);
    data.append("officer", form.querySelector("[name=officer]").value);
    const btn = document.getElementById("upload-btn");
    btn.disabled = true; show("Đang tải lên…");
    try {
      const r = await fetch("/api/uploads", { method: "POST", body: data, headers: { "X-CSRF-Token": hoso.csrf(), Accept: "application/json" } });
      const body = await r.json();
      if (!r.ok) { show(body.message || "Tải lên không thành công.", "error"); return; }
      window.location = "/upload?batch=" + encodeURIComponent(body.batch);
    } catch (err) {
      show("Không gửi được tệp (mất kết nối hoặc tệp quá lớn).", "error");
    } finally { btn.disabled = false; }
  });
})();

(function follow() {
  const table = document.getElementById("uploads");
  const labels = { queued: "Đang chờ", processing: "Đang xử lý", done: "Hoàn tất", error: "Lỗi", duplicate: "Trùng lặp" };
  const busy = () => table.querySelector('tr[data-state="queued"], tr[data-state="processing"]');
  const tick = async () => {
    if (!busy()) return;
    const q = table.dataset.batch ? "?batch=" + encodeURIComponent(table.dataset.batch) : "";
    try {
      const r = await fetch("/api/uploads" + q, { headers: { Accept: "application/json" } });
      if (r.ok) {
        for (const u of (await r.json()).items) {
          const tr = table.querySelector(`tr[data-id="${u.id}"]`);
          if (!tr) continue;
          tr.dataset.state = u.state;
          const st = tr.querySelector(".st");
          st.innerHTML = "";
          const b = document.createElement("span"); b.className = "badge " + u.state; b.textContent = labels[u.state] || u.state; st.appendChild(b);
          if (u.state === "processing") {
            const d = document.createElement("div"); d.className = "small";
            d.textContent = u.pages_total ? `trang ${u.pages_done}/${u.pages_total}` : "đang mở tệp…";
            st.appendChild(d);
            if (u.pages_total) { const p = document.createElement("div"); p.className = "progress"; const i = document.createElement("i"); i.style.width = (100 * u.pages_done / u.pages_total) + "%"; p.appendChild(i); st.appendChild(p); }
          }
          tr.querySelector(".msg").textContent = u.message;
          const dos = tr.querySelector(".dos");
          if (u.dossier && !dos.querySelector("a")) { const a = document.createElement("a"); a.href = "/dossiers/" + u.dossier; a.textContent = "Mở hồ sơ"; dos.appendChild(a); }
        }
      }
    } catch (err) { /* keep polling */ }
    setTimeout(tick, 1000);
  };
  setTimeout(tick, 500);
})();
