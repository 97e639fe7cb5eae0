// Filters: city groups, creative fields with live counts, designation years, region.
#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {
namespace {
using json = nlohmann::json;

int group_flags(const std::string& group) {
    return group == "creative" ? render::kCreative : group == "heritage" ? render::kHeritage
         : group == "partner"  ? render::kPartner  : render::kSouthOnly;
}

void count_right_aligned(int n) {
    char text[16];
    std::snprintf(text, sizeof text, "%d", n);
    const float w = ImGui::CalcTextSize(text).x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    ImGui::TextDisabled("%s", text);
}
}  // namespace

void draw_filters_panel(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    const Filter& f = a.filter();
    if (ui.state) ui.state->left_stack_y = kPanelMargin;  // the first of the side column
    if (!begin_side_panel(ui, "Filters", 2)) {
        end_side_panel(ui, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y);
        ImGui::End();
        return;
    }
    ImGui::Text("Showing %d of %d cities", a.counts().visible, int(d.cities.size()));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Reset").x - 16);
    if (ImGui::SmallButton("Reset")) send(ui, {{"type", "reset"}});
    if (ui.state && ImGui::SmallButton("About the data and its doubts")) ui.state->about_open = !ui.state->about_open;

    section("City groups");
    for (std::size_t k = 0; k < d.networks.size(); ++k) {
        const Network& n = d.networks[k];
        if (!n.is_city_group()) continue;
        bool on = f.networks[k];
        ImGui::PushID(n.id.c_str());
        if (ImGui::Checkbox("##on", &on)) {
            json next = json::array();
            for (std::size_t j = 0; j < d.networks.size(); ++j)
                if (d.networks[j].is_city_group() && (j == k ? on : bool(f.networks[j]))) next.push_back(d.networks[j].id);
            send(ui, {{"type", "filter"}, {"networks", next}});
        }
        ImGui::SameLine();
        Color grey{0.6f, 0.6f, 0.6f, 1};
        marker_glyph_item(group_flags(n.group), grey, a);
        ImGui::SameLine();
        ImGui::TextUnformatted(n.name.c_str());
        if (ImGui::IsItemHovered() && !n.description.empty()) ImGui::SetTooltip("%s", n.description.c_str());
        count_right_aligned(a.counts().by_network[k]);
        ImGui::PopID();
    }

    section("Creative fields");
    if (ImGui::SmallButton("All")) {
        json all = json::array();
        for (auto& fld : d.fields) all.push_back(fld.id);
        send(ui, {{"type", "filter"}, {"fields", all}});
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("None")) send(ui, {{"type", "filter"}, {"fields", json::array()}});
    for (std::size_t k = 0; k < d.fields.size(); ++k) {
        const CreativeField& fld = d.fields[k];
        bool on = f.fields[k];
        ImGui::PushID(fld.id.c_str());
        if (ImGui::Checkbox("##on", &on)) {
            json next = json::array();
            for (std::size_t j = 0; j < d.fields.size(); ++j)
                if (j == k ? on : bool(f.fields[j])) next.push_back(d.fields[j].id);
            send(ui, {{"type", "filter"}, {"fields", next}});
        }
        ImGui::SameLine();
        marker_glyph_item(render::kCreative, fld.color, a);
        ImGui::SameLine();
        ImGui::TextUnformatted(fld.name.c_str());
        if (fld.since > 2004 && ImGui::IsItemHovered()) ImGui::SetTooltip("A creative field since %d", fld.since);
        count_right_aligned(a.counts().by_field[k]);
        ImGui::PopID();
    }

    section("Years");
    int from = f.year_from, to = f.year_to;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::DragIntRange2("##years", &from, &to, 0.2f, a.first_year(), a.last_year(), "from %d", "to %d",
                             ImGuiSliderFlags_AlwaysClamp))
        send(ui, {{"type", "years"}, {"from", from}, {"to", std::max(from, to)}});
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Designation years; World Heritage inscription years for heritage cities");
    ImGui::PopStyleColor();

    section("Region");
    for (Region r : {Region::World, Region::GlobalSouth, Region::Mexico}) {
        const char* label = r == Region::World ? "World" : r == Region::GlobalSouth ? "Global South" : "Mexico";
        if (ImGui::RadioButton(label, f.region == r)) send(ui, {{"type", "filter"}, {"region", region_id(r)}});
        if (r != Region::Mexico) ImGui::SameLine();
    }
    bool former = f.include_former;
    if (ImGui::Checkbox("Include former members", &former)) send(ui, {{"type", "filter"}, {"includeFormer", former}});
    end_side_panel(ui, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y);
    ImGui::End();
}

}  // namespace atlas::ui
