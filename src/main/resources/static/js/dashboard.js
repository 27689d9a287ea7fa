// Draws the dashboards' charts (ECharts) from the option each chart element carries in its
// data-chart attribute. A data point with a url (the heat map) opens that page when clicked.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var option = JSON.parse(element.getAttribute('data-chart'));
    if (option.height) {
      element.style.height = option.height + 'px';
      delete option.height;
    }
    var chart = echarts.init(element);
    chart.setOption(option);
    chart.on('click', function (params) {
      if (params.data && params.data.url) {
        window.location.href = params.data.url;
      }
    });
    window.addEventListener('resize', function () {
      chart.resize();
    });
    element.setAttribute('data-drawn', 'true');
  });
})();
