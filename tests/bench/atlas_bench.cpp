// Speed of the core work the app does at start-up and per interaction. Prints numbers; asserts
// nothing (timed assertions are flaky). Run: build/native/tests/atlas_bench
#include <benchmark/benchmark.h>

#include <algorithm>

#include "core/atlas.h"
#include "core/search.h"
#include "core/basemap.h"
#include "core/dataset_loader.h"
#include "core/json_io.h"
#include "core/picking.h"
#include "../unit/test_data.h"

using namespace atlas;

static void BM_LoadDataset(benchmark::State& s) {
    for (auto _ : s) benchmark::DoNotOptimize(load_dataset(ATLAS_DATA_DIR));
}
BENCHMARK(BM_LoadDataset)->Unit(benchmark::kMillisecond);

// N synthetic cities (test::synthetic_cities) and N/4 links between them, in files of 25,000 cities
// at most (a file may hold 16 MiB), loaded after the shipped files as the web page loads `?data=`
// files.
static std::vector<DataFile> synthetic_files(std::size_t n) {
    std::vector<DataFile> files;
    for (std::size_t first = 0; first < n; first += 25000)
        files.push_back({"atlas-cities-" + std::to_string(first / 25000) + ".json",
                         R"({"format":"atlas-sur/cities","version":1,"cities":[)" +
                             test::synthetic_cities(first, std::min<std::size_t>(25000, n - first)) + "]}"});
    std::string links = R"({"format":"atlas-sur/links","version":1,"links":[)";
    for (std::size_t i = 0; i < n / 4; ++i)
        links += (i ? "," : "") + std::string(R"({"id":"syn-link-)") + std::to_string(i) + R"(","from":"syn-)" + std::to_string(i * 7 % n) +
                 R"(","to":"syn-)" + std::to_string((i * 7 + 1) % n) + R"(","network":"twinning","year":)" + std::to_string(2010 + i % 10) +
                 R"(,"confidence":"high","sources":[]})";
    files.push_back({"atlas-links.json", links + "]}"});
    return files;
}

static void BM_LoadDatasetWithCities(benchmark::State& s) {
    std::vector<Problem> problems;
    const std::vector<DataFile> shipped = read_data_dir(ATLAS_DATA_DIR, problems), extra = synthetic_files(std::size_t(s.range(0)));
    std::size_t bytes = 0;
    for (const DataFile& f : extra) bytes += f.text.size();
    std::size_t cities = 0;
    for (auto _ : s) benchmark::DoNotOptimize(cities = load_files(shipped, extra).dataset.cities.size());
    s.SetLabel(std::to_string(cities) + " cities");
    s.SetBytesProcessed(std::int64_t(s.iterations()) * std::int64_t(bytes));
}
BENCHMARK(BM_LoadDatasetWithCities)->Arg(10000)->Arg(25000)->Arg(50000)->Arg(100000)->Unit(benchmark::kMillisecond);

static std::string basemap_bytes() {
    std::string bytes, error;
    read_file(ATLAS_BASEMAP, bytes, error);
    return bytes;
}

static void BM_DecodeBasemap(benchmark::State& s) {
    const std::string bytes = basemap_bytes();
    for (auto _ : s) {
        std::vector<BasemapCountry> c;
        std::string error;
        benchmark::DoNotOptimize(decode_basemap(bytes, c, error));
    }
}
BENCHMARK(BM_DecodeBasemap)->Unit(benchmark::kMillisecond);

static void BM_BuildBasemapMesh(benchmark::State& s) {
    std::vector<BasemapCountry> c;
    std::string error;
    decode_basemap(basemap_bytes(), c, error);
    const auto data = load_dataset(ATLAS_DATA_DIR);
    for (auto _ : s) {
        auto mesh = build_basemap_mesh(c, data.dataset.global_south());
        std::size_t indices = 0;
        for (const auto& polygon : mesh.polygons) indices += triangulate(mesh, polygon).size();
        s.counters["triangles"] = double(indices / 3);
        s.counters["vertices"] = double(mesh.vertices.size());
        benchmark::DoNotOptimize(mesh);
    }
}
BENCHMARK(BM_BuildBasemapMesh)->Unit(benchmark::kMillisecond);

static void BM_FilterAction(benchmark::State& s) {
    Atlas a(load_dataset(ATLAS_DATA_DIR).dataset);
    const nlohmann::json design = {{"type", "filter"}, {"fields", {"Design"}}};
    const nlohmann::json all = {{"type", "reset"}};
    bool flip = false;
    for (auto _ : s) benchmark::DoNotOptimize(a.act((flip = !flip) ? design : all));
}
BENCHMARK(BM_FilterAction)->Unit(benchmark::kMicrosecond);

static void BM_PickUnderPointer(benchmark::State& s) {
    Atlas a(load_dataset(ATLAS_DATA_DIR).dataset);
    a.set_viewport({1280, 800});
    double x = 0;
    for (auto _ : s) {
        benchmark::DoNotOptimize(a.pick({x, 400}));
        x = x > 1280 ? 0 : x + 7;
    }
}
BENCHMARK(BM_PickUnderPointer)->Unit(benchmark::kMicrosecond);

// The shipped data with its cities repeated up to n, each copy numbered and changed by `vary`
// (the copy, its number).
template <class Vary>
static Dataset repeated(std::size_t n, Vary vary) {
    Dataset d = load_dataset(ATLAS_DATA_DIR).dataset;
    const std::size_t n0 = d.cities.size();
    for (std::size_t i = 0; d.cities.size() < n; ++i) {
        City c = d.cities[i % n0];
        c.id = "synthetic-" + std::to_string(i);
        vary(c, i);
        d.cities.push_back(std::move(c));
    }
    return d;
}

// Search: one query over the shipped data, and over 100,000 cities (the shipped ones repeated with
// numbered names); the index is built before timing, as the app builds it at the first search.
static void BM_Search(benchmark::State& s) {
    const Dataset d = repeated(std::size_t(s.range(0)), [](City& c, std::size_t i) { c.local_name += " " + std::to_string(i); });
    SearchIndex index;
    index.build(d);
    const std::vector<bool> shown(d.cities.size(), true);
    for (auto _ : s) benchmark::DoNotOptimize(index.find("queretro", shown));
    s.SetLabel(std::to_string(d.cities.size()) + " cities");
}
BENCHMARK(BM_Search)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond);

// The clusters' tree of N cities, as the map builds it when the cities shown change: the shipped
// cities repeated, each copy a little away from its original (deterministic), as the benchmark's
// synthetic data gathers around the real cities.
static void BM_ClusterTree(benchmark::State& s) {
    Atlas a(repeated(std::size_t(s.range(0)), [](City& c, std::size_t i) {
        c.lat = std::clamp(c.lat + double(i * 7919 % 401) / 100.0 - 2.0, -80.0, 80.0);
        c.lon = std::clamp(c.lon + double(i * 104729 % 401) / 100.0 - 2.0, -179.0, 179.0);
    }));
    bool flip = false;
    for (auto _ : s) {
        a.set_viewport({1280, (flip = !flip) ? 800 : 801});  // another screenful: the tree is built again
        benchmark::DoNotOptimize(a.clusters().size());
    }
    s.SetLabel(std::to_string(a.clusters().size()) + " markers at zoom 1");
}
BENCHMARK(BM_ClusterTree)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// A step of the timeline playing over N cities (a year more shown): what the next frame asks of
// the map, the clusters above all (built again for the cities shown), and the links' arcs.
static void BM_TimelineStep(benchmark::State& s) {
    Atlas a(repeated(std::size_t(s.range(0)), [](City& c, std::size_t i) {
        c.lat = std::clamp(c.lat + double(i * 7919 % 401) / 100.0 - 2.0, -80.0, 80.0);
        c.lon = std::clamp(c.lon + double(i * 104729 % 401) / 100.0 - 2.0, -179.0, 179.0);
    }));
    a.set_viewport({1280, 800});
    int year = 2004;
    for (auto _ : s) {
        a.act({{"type", "year"}, {"year", year = year < 2025 ? year + 1 : 2005}});
        benchmark::DoNotOptimize(a.clusters().size());
        benchmark::DoNotOptimize(a.inset().markers.size());
        benchmark::DoNotOptimize(a.link_geometry().hubs.size());
    }
}
BENCHMARK(BM_TimelineStep)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
