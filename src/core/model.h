// The data model: what the map shows, as loaded from assets/data/*.json (see core/dataset_loader.h).
// Facts such as creative fields, colours and networks are data, so the model holds them in tables
// and refers to them by index; nothing here knows "Design" or "UNESCO" by name.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/record_index.h"
#include "core/tour.h"

namespace atlas {

struct Color {
    float r = 0, g = 0, b = 0, a = 1;
};

struct Source {
    std::string url;   // may be empty when the source is a note only
    std::string note;
};

struct CreativeField {
    std::string id, name;
    Color color;
    int since = 2004;
};

// A network is a group cities belong to (UCCN, Mexican World Heritage Cities, South-South tourism)
// or a kind of cooperation link (group "link").
struct Network {
    std::string id, name, group, marker, description, founded;
    std::string draw_as = "pairs";  // links: "network" (a hub or all pairs, a setting) or "pairs"
    std::string line = "solid";     // links: solid, dashed or dotted
    Color color;
    std::vector<Source> sources;
    std::vector<std::string> doubts;  // what is known to be uncertain or incomplete
    bool is_city_group() const { return group != "link"; }
};

struct Designation {
    int network = -1;
    int field = -1;  // index into Dataset::fields, -1 for networks without fields
    int year = 0;    // designation year; World Heritage inscription year for heritage cities
    bool former = false;
    std::string confidence, notes, property, role;
    int whc_id = 0;
    std::vector<Source> sources;
};

struct City {
    std::string id, name, local_name, country, country_name, state, coord_source;
    std::vector<std::string> alt_names;
    double lat = 0, lon = 0;
    std::vector<Designation> designations;
};

struct CooperationLink {
    std::string id, label, confidence, notes;
    int from = -1, to = -1, network = -1;
    int year = 0;  // 0: year not documented
    std::vector<Source> sources;
};

struct CountryGroup {
    std::string id, name, criterion;
    std::vector<std::string> countries;  // ISO 3166-1 alpha-2, sorted
    std::vector<std::string> doubts;
    std::vector<Source> sources;  // of the group's rules (each country's criterion says which rule admits it)
    bool contains(const std::string& iso2) const;
};

struct Dataset {
    std::vector<CreativeField> fields;
    std::vector<Network> networks;
    std::vector<City> cities;
    std::vector<CooperationLink> links;
    std::vector<CountryGroup> country_groups;
    std::vector<Tour> tours;

    int find_city(const std::string& id) const;
    int find_field(const std::string& id_or_name) const;
    int find_network(const std::string& id) const;
    int find_tour(const std::string& id) const;
    const CountryGroup* global_south() const;
    const Network* network_of_group(const std::string& group) const;  // the first network of a group
    void rebuild_index();
    // The cities' index (id -> place in `cities`), for the loader, which keeps it as it merges files
    // (records::Upserter) instead of keeping one of its own and making this one again after each
    // file.
    records::RecordIndex& city_index() { return city_index_; }

private:
    records::RecordIndex city_index_;
};

}  // namespace atlas
