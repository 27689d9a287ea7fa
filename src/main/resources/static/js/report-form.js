// Live computed rates on the report form: when both parts of a rate are filled in, the rate is
// shown as they give it, and its own field is locked unless the clerk had typed a rate already.
(function () {
  'use strict';

  function parse(text) {
    if (!text) { return null; }
    // full-width digits and separators as typed with a Chinese input method
    var ascii = text.replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/[\uFF0C,\s]/g, '').replace('\uFF0E', '.').replace(/%$/, '');
    if (!/^\d+(\.\d+)?$/.test(ascii)) { return null; }
    return parseFloat(ascii);
  }

  function update(rate) {
    var numerator = document.getElementById(rate.dataset.numerator);
    var denominator = document.getElementById(rate.dataset.denominator);
    var out = document.getElementById('computed-' + rate.id.substring(2));
    if (!numerator || !denominator || !out) { return; }
    var n = parse(numerator.value);
    var d = parse(denominator.value);
    if (n === null || d === null) {
      out.textContent = '';
      rate.readOnly = false;
      return;
    }
    out.textContent = d === 0 ? rate.dataset.notApplicable : '= ' + (n * 100 / d).toFixed(1) + ' %';
    // a rate may be typed only while its parts are blank
    rate.readOnly = rate.value.trim() === '';
  }

  document.querySelectorAll('input[data-numerator]').forEach(function (rate) {
    [rate.dataset.numerator, rate.dataset.denominator].forEach(function (id) {
      var part = document.getElementById(id);
      if (part) { part.addEventListener('input', function () { update(rate); }); }
    });
    update(rate);
  });
}());
