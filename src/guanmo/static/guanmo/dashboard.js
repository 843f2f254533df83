// Dashboard charts from the figures the server computed (json_script "chart-data").
(() => {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const ranking = document.getElementById("ranking-chart");
  if (ranking && data.regions.length) {
    echarts.init(ranking).setOption({
      grid: { left: 90, right: 30, top: 20, bottom: 30 },
      xAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", data: data.regions.slice().reverse() },
      tooltip: { trigger: "axis" },
      series: [{
        type: "bar", name: "完成率", data: data.rates.slice().reverse(),
        label: { show: true, position: "right", formatter: "{c}%" },
        markLine: { symbol: "none", data: [{ xAxis: data.time_progress, name: "时间进度" }],
          label: { formatter: "时间进度 {c}%" }, lineStyle: { color: "#d64545", type: "dashed" } },
      }],
    });
  }
  const monthly = document.getElementById("monthly-chart");
  if (monthly) {
    echarts.init(monthly).setOption({
      grid: { left: 70, right: 20, top: 30, bottom: 30 },
      legend: { data: ["累计完成", "按时间进度应完成"] },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.months },
      yAxis: { type: "value" },
      series: [
        { type: "bar", name: "累计完成", data: data.cumulative },
        { type: "line", name: "按时间进度应完成", data: data.plan_line },
      ],
    });
  }
  window.addEventListener("resize", () => document.querySelectorAll(".chart").forEach(
    (el) => echarts.getInstanceByDom(el) && echarts.getInstanceByDom(el).resize()));
})();
