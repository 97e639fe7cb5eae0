// Fuzzes the action vocabulary as the web API and --exec receive it: any text, parsed with the
// depth limit, applied to an atlas, and the answers written out.
#include <cstddef>
#include <cstdint>

#include "core/atlas.h"
#include "core/json_io.h"
#include "../unit/test_data.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace atlas;
    static Atlas* atlas = [] {
        auto* a = new Atlas(test::dataset_with(test::three_cities()));
        a->set_viewport({800, 600});
        return a;
    }();
    const std::string text(reinterpret_cast<const char*>(data), size);
    const JsonDocument doc = parse_json(text);
    (void)to_text(doc.ok() ? atlas->act(doc.value) : nlohmann::json{{"error", doc.error}});
    (void)to_text(atlas->screen_position(text));  // hostile ids, as from a deep link
    atlas->camera().update(1.0 / 60);
    (void)atlas->pick({400, 300});
    return 0;
}
