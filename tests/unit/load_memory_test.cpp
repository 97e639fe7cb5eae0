// How much memory loading a large data file takes at its highest, counted by this binary's own
// operator new (its own executable: the counting must not reach the other tests).
#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <new>

#include "core/dataset_loader.h"
#include "test_data.h"

namespace {
bool g_counting = false;
long long g_live = 0, g_peak = 0;  // bytes allocated since counting began (frees of older blocks count too)
}  // namespace

// Every form that a delete below may free (AddressSanitizer's own would not match them).
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    void* p = std::malloc(n ? n : 1);
    if (p && g_counting) g_peak = std::max(g_peak, g_live += (long long)malloc_usable_size(p));
    return p;
}
void* operator new(std::size_t n) {
    void* p = operator new(n, std::nothrow);
    if (!p) throw std::bad_alloc();
    return p;
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return operator new(n, std::nothrow); }
void operator delete(void* p) noexcept {
    if (p && g_counting) g_live -= (long long)malloc_usable_size(p);
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { operator delete(p); }
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { operator delete(p); }

using namespace atlas;

namespace {
// The highest memory in use while loading `files`, beyond what was in use before.
long long peak_while_loading(const std::vector<DataFile>& files, std::size_t& cities) {
    g_live = g_peak = 0;
    g_counting = true;
    {
        const LoadResult r = load_files(files);
        cities = r.dataset.cities.size();
    }
    g_counting = false;
    return g_peak;
}
}  // namespace

// A file of 20,000 cities is read record by record while it is parsed: at its highest the load
// holds the model and one record's parsed form, not the whole file's parsed form as well (about
// 8 times its text), which is what a file whose "format" comes last still costs.
TEST(LoadMemory, AFileOfRecordsIsNeverWhollyParsedInMemory) {
    const std::string records = test::synthetic_cities(0, 20000);
    const DataFile fields{"fields.json", test::fields_json()}, networks{"networks.json", test::networks_json()};
    const DataFile streamed{"cities.json", R"({"format":"atlas-sur/cities","version":1,"cities":[)" + records + "]}"};
    const DataFile whole{"cities.json", R"({"version":1,"cities":[)" + records + R"(],"format":"atlas-sur/cities"})"};
    std::size_t streamed_cities = 0, whole_cities = 0;
    const long long streamed_peak = peak_while_loading({fields, networks, streamed}, streamed_cities);
    const long long whole_peak = peak_while_loading({fields, networks, whole}, whole_cities);
    EXPECT_EQ(streamed_cities, 20000u);
    EXPECT_EQ(whole_cities, 20000u);
    const double text = double(streamed.text.size());
    std::printf("text %.1f MB; peak: read while parsed %.1f MB (%.1fx the text), parsed whole %.1f MB (%.1fx)\n", text / 1e6,
                double(streamed_peak) / 1e6, double(streamed_peak) / text, double(whole_peak) / 1e6, double(whole_peak) / text);
    EXPECT_LT(double(streamed_peak), 4.5 * text);  // (the model: 3.4x here natively)
    EXPECT_LT(double(streamed_peak), 0.35 * double(whole_peak));  // (0.21 here)
}
