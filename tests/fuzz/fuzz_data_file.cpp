// Fuzzes what a user can hand the app as a data file (dropped, --load, ?data=, --check-data):
// any bytes, loaded over a small valid dataset, then turned into the state the page reads.
#include <cstddef>
#include <cstdint>

#include "core/atlas.h"
#include "core/json_io.h"
#include "../unit/test_data.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace atlas;
    std::vector<DataFile> files = {
        {"fields.json", test::fields_json()},
        {"networks.json", test::networks_json()},
        {"country_groups.json", test::groups_json()},
        {"cities.json", R"({"format":"atlas-sur/cities","version":1,"cities":)" + test::three_cities() + "}"},
        {"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)}};
    LoadResult loaded = load_files(files);
    if (loaded.dataset.cities.empty()) return 0;
    Atlas atlas(std::move(loaded));
    atlas.set_viewport({800, 600});
    (void)to_text(atlas.state());  // every message must be printable
    (void)to_text(atlas.visible_cities());
    return 0;
}
