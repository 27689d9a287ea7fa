// Draws the dashboards' charts (ECharts) from the option each chart element carries in its
// data-chart attribute. A data point with a url (the heat map) opens that page when clicked.
(function () {
  'use strict';
  // a national view whose scores are still being computed reloads itself once they may be ready
  var pending = document.querySelector('[data-reload-after]');
  if (pending) {
    window.setTimeout(function () { window.location.reload(); },
      parseInt(pending.getAttribute('data-reload-after'), 10));
  }
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var option = JSON.parse(element.getAttribute('data-chart'));
    if (option.height) {
      element.style.height = option.height + 'px';
      delete option.height;
    }
    // a polar chart names its angles 0 … n−1 by the labels it carries (JSON has no functions)
    if (option.angleLabels) {
      var labels = option.angleLabels;
      delete option.angleLabels;
      option.angleAxis.axisLabel = Object.assign({}, option.angleAxis.axisLabel, {
        formatter: function (value) { return labels[value] === undefined ? '' : labels[value]; }
      });
    }
    // the elderly-friendly display enlarges the charts' own texts too (ECharts sizes them in px)
    if (document.documentElement.classList.contains('elderly')) {
      option.textStyle = Object.assign({ fontSize: 16 }, option.textStyle);
      // larger labels need room: let the grid make it rather than cut county names
      [].concat(option.grid || []).forEach(function (grid) {
        grid.containLabel = true;
      });
      ['xAxis', 'yAxis', 'radar', 'angleAxis', 'radiusAxis'].forEach(function (key) {
        [].concat(option[key] || []).forEach(function (axis) {
          axis.axisLabel = Object.assign({ fontSize: 15, color: '#000' }, axis.axisLabel);
          axis.axisName = Object.assign({ fontSize: 15, color: '#000' }, axis.axisName);
        });
      });
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
