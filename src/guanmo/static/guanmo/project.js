// A project's page: its monthly investment (bar) and the year's cumulative (line), in 万元.
(() => {
  const source = document.getElementById("chart-data");
  if (!source) return;
  const data = JSON.parse(source.textContent);
  if (!data.months.length) return;
  echarts.init(document.getElementById("history-chart")).setOption({
    grid: { left: 60, right: 20, top: 30, bottom: 30 }, tooltip: { trigger: "axis" },
    legend: { data: ["本月完成", "累计完成"] }, xAxis: { type: "category", data: data.months }, yAxis: { type: "value" },
    series: [{ type: "bar", name: "本月完成", data: data.this_month }, { type: "line", name: "累计完成", data: data.cumulative }],
  });
})();
