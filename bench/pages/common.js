// What the peer pages share: the data (bench/out/N/peers.json, N from ?n=), the camera every page
// starts with (the same bounds as the map's start view), and the readiness mark the benchmark
// waits for: window.mapReady and performance.mark('map-ready') once the first complete frame is drawn.
window.bench = {
  n: new URLSearchParams(location.search).get('n') || '400',
  bounds: [[-125, -48], [155, 62]],  // [west, south], [east, north]
  colors: ['#E69F00', '#56B4E9', '#009E73', '#D55E00', '#0072B2', '#CC79A7', '#F0E442', '#333333'],
  load() { return fetch(`../out/${this.n}/peers.json`).then((r) => r.json()); },
  ready() {
    if (window.mapReady) return;
    window.mapReady = true;
    performance.mark('map-ready');
  },
};
