// The elderly-friendly display switch: changes this page at once and tells the server in the
// background, so that nothing typed into a form is lost. Without scripts the form posts instead.
(function () {
  'use strict';
  var form = document.getElementById('display-mode-form');
  if (!form || !window.fetch) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = document.getElementById('display-mode');
    var wanted = form.elements.elderly.value === 'true';
    var data = new URLSearchParams(new FormData(form));
    fetch(form.action, {
      method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'X-Display-In-Place': '1' }
    }).then(function (response) {
      if (!response.ok) {
        form.submit();
        return;
      }
      document.documentElement.classList.toggle('elderly', wanted);
      button.setAttribute('aria-pressed', String(wanted));
      form.elements.elderly.value = String(!wanted);
      // charts size themselves to their box; tell them the box changed
      window.dispatchEvent(new Event('resize'));
    }, function () {
      form.submit();
    });
  });
})();
