// Text that a script puts into HTML (map popups and tooltips, chart tooltips) goes through
// guanmo.escape: a project's name is text, never markup (issue 11, stored XSS in the route map).
window.guanmo = {
  escape: (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
  // A figure the server sent (a string, or null for none) with its unit: "—" for none.
  shown: (value, unit) => (value === null || value === undefined ? "—" : `${value}${unit}`),
};
// An ECharts axis tooltip of escaped text: the category, then each series with its value.
// `onlyGiven`: series without a value at the point are left out (a chart whose rows each belong
// to one of its series, as a ceiling's 已用控制数 beside targets' 完成率), not said as "—".
window.guanmo.axisTooltip = (unit, onlyGiven = false) => ({
  trigger: "axis",
  formatter: (items) => [window.guanmo.escape(items[0].axisValue), ...items.filter(
    (item) => !onlyGiven || (item.value !== null && item.value !== undefined && item.value !== "-"),
  ).map(
    (item) => `${item.marker}${window.guanmo.escape(item.seriesName)}：${
      window.guanmo.escape(window.guanmo.shown(item.value, unit))}`,
  )].join("<br>"),
});

// Every htmx request carries the CSRF token from the page's meta tag.
document.body.addEventListener("htmx:configRequest", (event) => {
  event.detail.headers["X-CSRFToken"] = document.querySelector('meta[name="csrf-token"]').content;
});

// Forms that ask before they act (data-confirm="…") and selects that submit their form on
// change (data-autosubmit): behaviour from attributes, so no page needs inline script (CSP).
document.addEventListener("submit", (event) => {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener("change", (event) => {
  if (event.target.matches && event.target.matches("select[data-autosubmit]")) event.target.form.submit();
});

// Unsaved edits are not lost without a word: a form typed into since the page loaded marks
// itself, and leaving the page (a link, reload, closing the tab) asks first; sending that form
// clears the mark. Scripts that fill cells themselves (the grid's paste) set data-dirty too.
document.addEventListener("input", (event) => {
  const form = event.target.closest && event.target.closest('form[method="post"]');
  if (form && !form.hasAttribute("data-no-guard")) form.dataset.dirty = "1";
});
document.addEventListener("submit", (event) => {
  if (!event.defaultPrevented) event.target.dataset.dirty = "";
});
window.addEventListener("beforeunload", (event) => {
  if (document.querySelector('form[data-dirty="1"]')) {
    event.preventDefault();
    event.returnValue = "";
  }
});

// A submit button with data-confirm asks before it sends its form (a form's own data-confirm
// is asked on submit, above).
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("button[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});

// Charts print as pictures. ECharts draws on a canvas sized for the screen and, after any resize
// (printing lays the page out anew), redraws it only on the next frame, which printing does not
// wait for: the chart came out blank or cut. Before printing each chart is drawn afresh at the
// printed width into an <img> that print.css shows, scaled to the page, in the canvas's place;
// after printing the pictures go and the chart fits its box again.
const PRINT_WIDTH = 700; // A4's text width at print.css's margins, in CSS pixels
const chartsToPictures = () => {
  if (!window.echarts) return;
  document.querySelectorAll(".chart").forEach((element) => {
    const chart = window.echarts.getInstanceByDom(element);
    if (!chart) return;
    chart.resize({ width: PRINT_WIDTH, height: chart.getHeight() });
    // The drawing as it ends, not midway through its opening animation.
    chart.getZr().storage.getDisplayList().forEach((shape) => shape.stopAnimation(null, true));
    let picture = element.querySelector(":scope > img.chart-print");
    if (!picture) {
      picture = document.createElement("img");
      picture.className = "chart-print";
      const title = element.closest(".card") && element.closest(".card").querySelector("h2");
      picture.alt = title ? title.textContent : "图表";
      element.append(picture);
    }
    picture.src = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    chart.resize();
  });
};
const dropPictures = () => document.querySelectorAll("img.chart-print").forEach((p) => p.remove());
window.addEventListener("beforeprint", chartsToPictures);
window.addEventListener("afterprint", dropPictures);
window.matchMedia("print").addEventListener("change", (event) => {
  if (event.matches) chartsToPictures();
  else dropPictures();
});
