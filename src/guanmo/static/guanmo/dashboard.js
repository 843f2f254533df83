// Dashboard charts from the figures the server computed (json_script "chart-data"): rates in %,
// amounts already in 亿元 (guanmo.figures.formatting.yi). Tooltips are built from escaped text.
(() => {
  const { axisTooltip } = window.guanmo;
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const ranking = document.getElementById("ranking-chart");
  if (ranking && data.regions.length) {
    echarts.init(ranking).setOption({
      // containLabel: long names (焦作高新技术产业开发区) and the bar labels stay inside the chart.
      grid: { left: 10, right: 50, top: 30, bottom: 10, containLabel: true },
      xAxis: { type: "value", name: "%", axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", data: data.regions.slice().reverse() },
      tooltip: axisTooltip("%"),
      series: [{
        type: "bar", name: "完成率", data: data.rates.slice().reverse(),
        label: { show: true, position: "right", formatter: "{c}%" },
        markLine: { symbol: "none", data: [{ xAxis: data.time_progress, name: "时间进度" }],
          label: { formatter: "时间进度 {c}%", position: "end" },
          lineStyle: { color: "#d64545", type: "dashed" } },
      }],
    });
  }
  const monthly = document.getElementById("monthly-chart");
  if (monthly) {
    echarts.init(monthly).setOption({
      grid: { left: 10, right: 20, top: 30, bottom: 30, containLabel: true },
      legend: { data: ["累计完成", "按时间进度应完成"], bottom: 0 },
      tooltip: axisTooltip("亿元"),
      xAxis: { type: "category", data: data.months },
      yAxis: { type: "value", name: "亿元" },
      series: [
        { type: "bar", name: "累计完成", data: data.cumulative },
        { type: "line", name: "按时间进度应完成", data: data.plan_line },
      ],
    });
  }
  window.addEventListener("resize", () => document.querySelectorAll(".chart").forEach(
    (el) => echarts.getInstanceByDom(el) && echarts.getInstanceByDom(el).resize()));
})();
