// Budget editor: recomputes row, year and grand totals while the user types, and hints when the
// sought amount differs from the grand total. A hint only: the server's services are the rule.
// Amounts in the table are tkr, the sought amount kronor. Swedish input: "1 400", "1 400,5".
(function () {
  "use strict";

  var form = document.getElementById("budget-form");
  if (!form) { return; }
  var table = form.querySelector("table.budget-editor");
  var years = (table.getAttribute("data-years") || "").split(",").filter(Boolean);
  var texts = document.getElementById("budget-messages");
  var sought = form.querySelector("[name=sought_amount]");
  var hint = document.getElementById("sought-hint");
  var grouping = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 3 });

  // "1 400,5" -> {units: 14005, scale: 1} style exact parse into an integer of 10^-decimals units.
  // Returns the amount in 1/1000 of the unit typed (tkr -> kronor, kr -> millikronor), or null
  // when empty, or NaN when the text is not a number.
  function parseThousandths(text) {
    var clean = String(text).replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    if (clean === "") { return null; }
    if (!/^-?\d+(\.\d{1,3})?$/.test(clean)) { return NaN; }
    var negative = clean.charAt(0) === "-";
    var parts = clean.replace("-", "").split(".");
    var fraction = (parts[1] || "").padEnd(3, "0");
    var value = parseInt(parts[0], 10) * 1000 + parseInt(fraction, 10);
    return negative ? -value : value;
  }

  function formatThousandths(value) {
    return grouping.format(value / 1000).replace(/\u202f/g, "\u00a0");
  }

  function cellsOf(row) { return row.querySelectorAll("input.amount"); }

  function recompute() {
    var yearTotals = years.map(function () { return 0; });
    var grand = 0;
    var anyInvalid = false;
    table.querySelectorAll("tbody tr[data-row]").forEach(function (row) {
      var rowTotal = 0;
      cellsOf(row).forEach(function (input, i) {
        var kronor = parseThousandths(input.value); // tkr typed -> kronor
        var bad = kronor !== null && (isNaN(kronor) || kronor < 0);
        input.classList.toggle("invalid", bad);
        input.setAttribute("aria-invalid", bad ? "true" : "false");
        if (bad) { anyInvalid = true; return; }
        if (kronor !== null) { rowTotal += kronor; yearTotals[i] += kronor; }
      });
      grand += rowTotal;
      table.querySelector("[data-row-total='" + row.getAttribute("data-row") + "']").textContent = formatThousandths(rowTotal);
    });
    years.forEach(function (year, i) {
      table.querySelector("[data-year-total='" + year + "']").textContent = formatThousandths(yearTotals[i]);
    });
    table.querySelector("[data-grand-total]").textContent = formatThousandths(grand);
    var krText = grouping.format(grand).replace(/\u202f/g, "\u00a0") + "\u00a0kr";
    form.querySelector("[data-grand-total-kr]").textContent = krText;
    checkSought(grand, krText, anyInvalid);
  }

  function checkSought(grandKronor, krText, anyInvalid) {
    if (!sought || !hint) { return; }
    var value = parseThousandths(sought.value); // kronor typed -> millikronor
    var message = "";
    if (anyInvalid) {
      message = texts.getAttribute("data-invalid") + ".";
    } else if (value !== null && (isNaN(value) || value !== grandKronor * 1000)) {
      message = texts.getAttribute("data-differs") + " (" + krText + ").";
    } else if (value !== null) {
      message = texts.getAttribute("data-equal");
    }
    var differs = value !== null && (isNaN(value) || value !== grandKronor * 1000);
    sought.setAttribute("aria-invalid", differs ? "true" : "false");
    sought.classList.toggle("invalid", differs);
    hint.textContent = message;
  }

  form.addEventListener("input", recompute);
  recompute();
})();
