// Helpers for tests: the shipped data, and small datasets built from JSON text.
#pragma once
#include <string>

#include "core/atlas.h"
#include "core/dataset_loader.h"

namespace atlas::test {

inline LoadResult shipped_data() { return load_dataset(ATLAS_DATA_DIR); }
// The shipped data with the shipped tours (assets/tours/), as the app loads them.
inline LoadResult shipped_data_with_tours() {
    std::vector<Problem> problems;
    return load_dataset(ATLAS_DATA_DIR, read_tours_dir(ATLAS_SOURCE_DIR "/assets/tours", problems));
}

// A session on the shipped data and tours, as the app starts it: a 1280x800 window with the side
// column, a caption bar's room, the three languages.
inline Atlas shipped_atlas() {
    Atlas a(shipped_data_with_tours());
    a.set_viewport({1280, 800}, {.left = 372, .caption = 200});
    a.set_languages({"en", "es", "fr"});
    return a;
}

inline std::string fields_json() {
    return R"({"format":"atlas-sur/fields","version":1,"fields":[
      {"id":"design","name":"Design","color":"#56B4E9","since":2004},
      {"id":"music","name":"Music","color":"#CC79A7","since":2004},
      {"id":"architecture","name":"Architecture","color":"#3A3A3A","since":2025}]})";
}
inline std::string networks_json() {
    return R"({"format":"atlas-sur/networks","version":1,"networks":[
      {"id":"uccn","name":"UCCN","group":"creative","color":"#000000","marker":"circle"},
      {"id":"mx-heritage","name":"Heritage","group":"heritage","color":"#7A1F5C","marker":"diamond"},
      {"id":"twinning","name":"Twinning","group":"link","color":"#5E60CE"}]})";
}
inline std::string groups_json() {
    return R"({"format":"atlas-sur/country-groups","version":1,"groups":[
      {"id":"global-south","name":"Global South","criterion":"test","countries":[{"iso2":"MX","name":"Mexico"},{"iso2":"BR","name":"Brazil"}]}]})";
}

// A dataset of the given cities JSON array text (fields, networks and groups as above).
inline LoadResult dataset_with(const std::string& cities, const std::string& links = "[]") {
    return load_files({{"fields.json", fields_json()},
                       {"networks.json", networks_json()},
                       {"country_groups.json", groups_json()},
                       {"cities.json", R"({"format":"atlas-sur/cities","version":1,"cities":)" + cities + "}"},
                       {"links.json", R"({"format":"atlas-sur/links","version":1,"links":)" + links + "}"}});
}

// `count` synthetic cities numbered from `first` (ids syn-N), as a cities file's records (the
// array's contents): one creative designation each, all at one place. For large files.
inline std::string synthetic_cities(std::size_t first, std::size_t count) {
    std::string records;
    for (std::size_t i = first; i < first + count; ++i)
        records += std::string(i > first ? "," : "") + R"({"id":"syn-)" + std::to_string(i) + R"(","name":"City )" + std::to_string(i) +
                   R"(","country":"MX","lat":19.5,"lon":-99.1,"designations":[{"network":"uccn","field":"design","year":2015,"status":"current","confidence":"high","sources":[]}]})";
    return records;
}

// Three cities: Puebla (Design 2015 + heritage 1987), Berlin (Design 2005), Salvador (Music 2015).
inline std::string three_cities() {
    return R"([
      {"id":"mx-puebla","name":"Puebla","localName":"Puebla","country":"MX","lat":19.04,"lon":-98.2,
       "designations":[{"network":"uccn","field":"Design","year":2015},{"network":"mx-heritage","year":1987}]},
      {"id":"de-berlin","name":"Berlin","country":"DE","lat":52.52,"lon":13.41,
       "designations":[{"network":"uccn","field":"design","year":2005}]},
      {"id":"br-salvador","name":"Salvador","country":"BR","lat":-12.97,"lon":-38.5,
       "designations":[{"network":"uccn","field":"music","year":2015}]}])";
}

}  // namespace atlas::test
