// A project's planned curve for the year (json_script "curve-data", 万元 to the cent as the
// table beside it shows them): the month's plan as bars, the plan due by each month's end and
// what was completed as lines; tooltips are escaped text.
(() => {
  const element = document.getElementById("curve-chart");
  if (!element) return;
  const { escape } = window.guanmo;
  const data = JSON.parse(document.getElementById("curve-data").textContent);
  const chart = echarts.init(element);
  chart.on("finished", () => { element.dataset.ready = "1"; });
  chart.setOption({
    animation: false,
    grid: { left: 10, right: 20, top: 30, bottom: 30, containLabel: true },
    tooltip: {
      trigger: "axis",
      formatter: (items) => [escape(items[0].axisValue), ...items.map(
        (item) => `${item.marker}${escape(item.seriesName)}：${escape(item.value ?? "—")}万元`,
      )].join("<br>"),
    },
    legend: { data: ["月度计划", "累计计划", "累计完成"], bottom: 0 },
    xAxis: { type: "category", data: data.months },
    yAxis: { type: "value", name: "万元" },
    series: [
      { type: "bar", name: "月度计划", data: data.planned },
      { type: "line", name: "累计计划", data: data.due },
      { type: "line", name: "累计完成", data: data.completed },
    ],
  });
  window.addEventListener("resize", () => chart.resize());
})();
