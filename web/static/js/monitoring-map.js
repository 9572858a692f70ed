// The interactive map of /mappa: a Leaflet map over the configured tiles
// with one circle per Comune, sized by places. The page works without it:
// the server-drawn map and the table carry the same data.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  function text(tag, s) { var e = document.createElement(tag); e.textContent = s; return e; }
  ready(function () {
    var el = document.getElementById("monitor-map");
    if (!el || typeof L === "undefined") { return; }
    var d = el.dataset;
    var map = L.map(el, { scrollWheelZoom: false });
    L.tileLayer(d.tiles, { attribution: d.attribution || "", maxZoom: 18 }).addTo(map);
    fetch(d.src, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (points) {
        if (!points.length) { map.setView([44.9, 8.6], 9); return; }
        var most = Math.max.apply(null, points.map(function (p) { return p.places; })) || 1;
        var group = L.featureGroup();
        points.forEach(function (p) {
          var c = L.circleMarker([p.lat, p.lng], { radius: 4 + 20 * Math.sqrt(p.places / most), color: "#003366", fillColor: "#0066cc", fillOpacity: 0.5, weight: 1 });
          var box = document.createElement("div");
          box.appendChild(text("strong", p.name));
          box.appendChild(text("div", d.labelFacilities + ": " + p.facilities + " · " + d.labelPlaces + ": " + p.places));
          box.appendChild(text("div", d.labelPresent + ": " + p.present + " · " + d.labelCap + ": " + p.cap));
          var a = text("a", d.labelList); a.href = p.url; box.appendChild(a);
          c.bindPopup(box);
          c.bindTooltip(p.name);
          group.addLayer(c);
        });
        group.addTo(map);
        map.fitBounds(group.getBounds().pad(0.1));
      })
      .catch(function () { el.hidden = true; });
  });
})();
