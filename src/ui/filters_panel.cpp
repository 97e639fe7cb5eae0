// Filters: city groups, creative fields with live counts, designation years, region.
#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {
namespace {
using json = nlohmann::json;

void count_right_aligned(int n) {
    char text[16];
    std::snprintf(text, sizeof text, "%d", n);
    const float w = ImGui::CalcTextSize(text).x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    ImGui::TextDisabled("%s", text);
}
}  // namespace

void filters_body(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    const Filter& f = a.filter();
    // The count on a line of its own: in every language it must never run into the buttons.
    ImGui::TextWrapped("%s", ui.fmt("Showing {shown} of {n} cities", {{"shown", a.counts().visible}, {"n", (long long)d.cities.size()}}).c_str());
    if (small_button(ui.tr("Reset"))) send(ui, {{"type", "reset"}});
    ImGui::SameLine();
    if (ui.state && small_button(ui.tr("About the data and its doubts"))) ui.state->about_open = !ui.state->about_open;
    if (ui.download_table) {
        const char* label = ui.tr("Download the cities shown:");
        ImGui::TextDisabled("%s", label);
        const ImGuiStyle& s = ImGui::GetStyle();
        const std::string all = std::string("CSV GeoJSON PNG ") + (ui.export_video ? ui.tr("Video") : "");
        const float buttons = ImGui::CalcTextSize(all.c_str()).x + 8 * s.FramePadding.x + 4 * s.ItemSpacing.x;
        if (ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label).x > buttons) ImGui::SameLine();  // else under it
        if (small_button("CSV")) ui.download_table("csv");
        report_item(ui, "Filters", "download-csv");
        ImGui::SameLine();
        if (small_button("GeoJSON")) ui.download_table("geojson");
        report_item(ui, "Filters", "download-geojson");
        if (ui.download_image) {
            ImGui::SameLine();
            if (small_button("PNG")) ui.download_image();
            report_item(ui, "Filters", "download-png");
        }
        if (ui.export_video) {  // the timeline playing, as a WebM video (the page shows its progress)
            ImGui::SameLine();
            if (small_button((std::string(ui.tr("Video")) + "###video").c_str())) ui.export_video();
            report_item(ui, "Filters", "download-video");
        }
    }

    section(ui, ui.tr("City groups"));
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
        report_item(ui, "Filters", "group-" + n.id);
        ImGui::SameLine();
        Color grey{0.6f, 0.6f, 0.6f, 1};
        marker_glyph_item(group_marker_flags(n.group), grey, a);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - 40);  // clear of the count
        ImGui::TextUnformatted(ui.network_name(n).c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered() && !n.description.empty()) ImGui::SetTooltip("%s", ui.network_description(n).c_str());
        count_right_aligned(a.counts().by_network[k]);
        ImGui::PopID();
    }

    section(ui, ui.tr("Creative fields"));
    if (small_button(ui.tr("All"))) {
        json all = json::array();
        for (auto& fld : d.fields) all.push_back(fld.id);
        send(ui, {{"type", "filter"}, {"fields", all}});
    }
    ImGui::SameLine();
    if (small_button(ui.tr("None"))) send(ui, {{"type", "filter"}, {"fields", json::array()}});
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
        report_item(ui, "Filters", "field-" + fld.id);
        ImGui::SameLine();
        marker_glyph_item(render::kCreative, fld.color, a);
        ImGui::SameLine();
        ImGui::TextUnformatted(ui.field_name(fld).c_str());
        if (fld.since > 2004 && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ui.fmt("A creative field since {year}", {{"year", std::to_string(fld.since)}}).c_str());
        count_right_aligned(a.counts().by_field[k]);
        ImGui::PopID();
    }

    section(ui, ui.tr("Years"));
    int from = f.year_from, to = f.year_to;
    ImGui::SetNextItemWidth(-1);
    const std::string from_label = ui.fmt("from {year}", {{"year", "%d"}}), to_label = ui.fmt("to {year}", {{"year", "%d"}});
    if (ImGui::DragIntRange2("##years", &from, &to, 0.2f, a.first_year(), a.last_year(), from_label.c_str(), to_label.c_str(),
                             ImGuiSliderFlags_AlwaysClamp))
        send(ui, {{"type", "years"}, {"from", from}, {"to", std::max(from, to)}});
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", ui.tr("Designation years; World Heritage inscription years for heritage cities"));
    ImGui::PopStyleColor();

    section(ui, ui.tr("Region"));
    for (Region r : {Region::World, Region::GlobalSouth, Region::Mexico}) {
        const char* label = ui.tr(r == Region::World ? "World" : r == Region::GlobalSouth ? "Global South" : "Mexico");
        if (ImGui::RadioButton(label, f.region == r)) send(ui, {{"type", "filter"}, {"region", region_id(r)}});
        if (r != Region::Mexico) ImGui::SameLine();
    }
    bool former = f.include_former;
    if (ImGui::Checkbox(ui.tr("Include former members"), &former)) send(ui, {{"type", "filter"}, {"includeFormer", former}});
}

void draw_filters_panel(UiContext& ui) { side_panel(ui, "Filters", 4, filters_body); }

}  // namespace atlas::ui
