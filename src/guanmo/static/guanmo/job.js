// A background job's page: asks for its status every second until it is finished.
(() => {
  const card = document.querySelector(".job[data-status-url]");
  if (!card) return;
  const bar = card.querySelector(".job-bar");
  const show = (status) => {
    card.querySelector(".job-state").textContent = status.state_label;
    bar.value = status.percent;
    bar.textContent = `${status.percent}%`;
    card.querySelector(".job-steps").textContent = status.total ? `${status.done}/${status.total}` : "";
    card.querySelector(".job-message").textContent = status.message;
    const result = card.querySelector(".job-result");
    if (status.result_url) {
      result.querySelector("a").href = status.result_url;
      result.hidden = false;
    }
  };
  const ask = () => fetch(card.dataset.statusUrl, { headers: { Accept: "application/json" } })
    .then((response) => response.json())
    .then((status) => { show(status); if (!status.finished) setTimeout(ask, 1000); })
    .catch(() => setTimeout(ask, 3000));
  ask();
})();
