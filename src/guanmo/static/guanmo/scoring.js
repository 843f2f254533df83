// A judge's scores on a weak connection: every submission is kept on the phone (localStorage)
// until the server says it is stored, and resent on reconnect or every few seconds. Each
// carries its own id, so a resend of a submission the server already has is stored once.
(() => {
  const form = document.getElementById("score-form");
  const outboxNote = document.getElementById("outbox");
  const judge = outboxNote.dataset.judge;
  const key = `guanmo-scores-outbox-${judge}`;
  const submitUrl = outboxNote.dataset.submitUrl;
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

  const load = () => JSON.parse(localStorage.getItem(key) || "[]");
  const keep = (queue) => localStorage.setItem(key, JSON.stringify(queue));
  const newId = () => (crypto.randomUUID ? crypto.randomUUID()
    : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
        (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16)));

  function showOutbox() {
    const waiting = load();
    outboxNote.hidden = waiting.length === 0;
    outboxNote.textContent = waiting.length
      ? `有${waiting.length}份评分尚未送达，网络恢复后将自动重新发送，请勿关闭页面。` : "";
  }

  function setStatus(text) {
    const status = document.getElementById("status");
    if (status) status.textContent = text;
  }

  let sending = false;
  async function flush() {
    if (sending) return;
    sending = true;
    try {
      for (const item of load()) {
        let response;
        try {
          response = await fetch(submitUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
            body: JSON.stringify(item),
            credentials: "same-origin",
          });
        } catch (error) {
          setStatus("网络中断，评分已保存在手机上，恢复后自动重新发送。");
          break;
        }
        const answer = await response.json().catch(() => ({}));
        keep(load().filter((queued) => queued.submission !== item.submission));
        if (response.ok && answer.stored) {
          if (form && String(item.site) === form.dataset.site) {
            setStatus(`评分已送达，合计${answer.total}分。截止前可修改。`);
          }
          document.querySelectorAll(`[data-site="${item.site}"] .badge`).forEach((badge) => {
            badge.textContent = "已评分";
            badge.className = "badge ok";
          });
        } else {
          setStatus(answer.error || "评分未能保存，请检查后重新提交。");
        }
      }
    } finally {
      sending = false;
      showOutbox();
    }
  }

  if (form) {
    const inputs = [...form.querySelectorAll("input[data-criterion]")];
    const total = () => {
      // Half points only: count in halves so the sum is exact.
      const halves = inputs.reduce((sum, input) => sum + Math.round((parseFloat(input.value) || 0) * 2), 0);
      document.getElementById("total").textContent = halves % 2 ? `${(halves - 1) / 2}.5` : `${halves / 2}`;
    };
    inputs.forEach((input) => input.addEventListener("input", total));
    total();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      const points = Object.fromEntries(inputs.map((input) => [input.name, input.value]));
      const item = {
        site: form.dataset.site, judge, submission: newId(), points,
        remark: form.querySelector("[name=remark]").value,
      };
      // A newer submission for the same site replaces an unsent older one.
      keep([...load().filter((queued) => queued.site !== item.site), item]);
      setStatus("正在提交……");
      flush();
    });
  }
  window.addEventListener("online", flush);
  setInterval(() => { if (load().length) flush(); }, 4000);
  showOutbox();
  flush();
})();
