// Fuzzes the link reader (the part of a URL after '#'): any bytes give a view and notices, the
// view writes back into a link that reads again to the same view without notices, and applying
// it to an atlas never fails.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "core/atlas.h"
#include "core/json_io.h"
#include "core/view_state.h"
#include "../unit/test_data.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace atlas;
    static Atlas* atlas = [] {
        auto* a = new Atlas(test::dataset_with(test::three_cities()));
        a->set_viewport({800, 600});
        a->set_languages({"en", "es", "fr"});
        return a;
    }();
    const std::string hash(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> notices, again;
    const ViewState v = view_from_url(hash, notices);
    if (!(view_from_url(view_to_url(v), again) == v) || !again.empty()) std::abort();
    (void)to_text(view_to_json(v));
    const nlohmann::json s = atlas->act({{"type", "viewFromUrl"}, {"hash", hash}});
    if (s.contains("error")) std::abort();
    (void)to_text(s);
    atlas->camera().update(1.0 / 60);
    return 0;
}
