// Search: a box at the top of the side column (focused with / or Ctrl+F) with ranked suggestions
// as the visitor types. Arrow keys move through them, Enter flies to the city and selects it. A
// city the filters hide is still found: choosing it says which filters hide it and offers to show it.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include <imgui_internal.h>

#include "ui/ui.h"

namespace atlas::ui {
namespace {
using json = nlohmann::json;

void choose(UiContext& ui, const std::string& id) {
    send(ui, {{"type", "select"}, {"id", id}});
    send(ui, {{"type", "flyTo"}, {"id", id}});
    send(ui, {{"type", "search"}, {"query", ""}});
    ui.state->search_text[0] = 0;
    ui.state->search_highlight = 0;
    // The box lets go: an active ImGui text field keeps its own copy of the text and would write
    // the old query back over the cleared one on the next frame.
    ImGui::ClearActiveID();
}

// "los ámbitos creativos o los grupos de ciudades": the filters any one of which, opened, would
// show the city, in the language.
std::string hiding_filters(const UiContext& ui, const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i == 0 ? "" : i + 1 == ids.size() ? ui.tr(" or ") : ", ") + ui.lang().lookup("filter:" + ids[i], ids[i]);
    return out;
}
}  // namespace

void draw_search_panel(UiContext& ui) {
    if (!ui.state) return;
    UiState& st = *ui.state;
    const Atlas& a = ui.atlas;
    st.left_stack_y = kPanelMargin;  // the first of the side column
    // On a phone, a bar across the top with the language menu at its end.
    const float width = st.compact ? ImGui::GetIO().DisplaySize.x - 2 * kPanelMargin : kSidePanelWidth;
    ImGui::SetNextWindowPos(ImVec2(kPanelMargin, kPanelMargin), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    // '/' asks for the box until it has the keyboard, for a few frames: a click on the map in the
    // same frame takes the focus from every window at the frame's end, the request with it.
    if (st.focus_search > 0) ImGui::SetNextWindowFocus();
    ImGui::Begin("###Search", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
    if (st.focus_search > 0) ImGui::SetKeyboardFocusHere();
    const bool menu = st.compact && ui.catalogues && ui.catalogues->languages().size() > 1;
    std::string current = ui.atlas.language() + " \u25BE";
    for (char& ch : current) ch = char(std::toupper((unsigned char)ch));
    ImGui::SetNextItemWidth(menu ? ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(current.c_str()).x -
                                       2 * ImGui::GetStyle().FramePadding.x - ImGui::GetStyle().ItemSpacing.x
                                 : -1.0f);
    // The query is the map's: an action, a tour or the page's own search box may set it, and then
    // this box shows it. A box being typed in lets go: an ImGui field keeps its own copy of the text
    // and, as it lets go (a click elsewhere), writes it back over the new query.
    if (a.search_query() != st.search_seen) {
        std::snprintf(st.search_text, sizeof st.search_text, "%s", a.search_query().c_str());
        st.search_seen = a.search_query();
        if (st.search_active) ImGui::ClearActiveID();
    }
    const char* hint = st.compact ? ui.tr("Search cities") : ui.tr("Search a city, country or field  ( / )");
    bool enter = ImGui::InputTextWithHint("##query", hint, st.search_text,
                                                sizeof st.search_text, ImGuiInputTextFlags_EnterReturnsTrue);
    report_item(ui, "Search", "query");
    const bool typing = ImGui::IsItemActive();
    st.focus_search = typing ? 0 : std::max(0, st.focus_search - 1);
    if (menu) {  // the languages, each named in itself
        ImGui::SameLine();
        if (ImGui::Button((current + "###language").c_str())) ImGui::OpenPopup("languages");
        report_item(ui, "Search", "language");
        if (ImGui::BeginPopup("languages")) {
            for (const auto& code : ui.catalogues->languages()) {
                if (ImGui::Selectable(ui.catalogues->name(code).c_str(), code == a.language()) && code != a.language())
                    send(ui, {{"type", "language"}, {"lang", code}});
                report_item(ui, "Search", "lang-" + code);
            }
            ImGui::EndPopup();
        }
    }
    st.search_active = typing;
    enter = enter || (typing && st.pressed(ImGuiKey_Enter));
    if (st.search_seen != st.search_text) {  // typed
        st.search_seen = st.search_text;
        send(ui, {{"type", "search"}, {"query", st.search_seen}});
        st.search_highlight = 0;
        st.chosen_hidden.clear();
    }
    const auto& results = a.search_results();
    const int n = int(results.size());
    if (typing && n > 0) {
        if (st.pressed(ImGuiKey_DownArrow)) st.search_highlight = (st.search_highlight + 1) % n;
        if (st.pressed(ImGuiKey_UpArrow)) st.search_highlight = (st.search_highlight + n - 1) % n;
    }
    if (typing && st.pressed(ImGuiKey_Escape)) {  // (ImGui may have missed a quick press: the box lets go here)
        st.search_text[0] = 0;
        st.search_seen.clear();
        send(ui, {{"type", "search"}, {"query", ""}});
        ImGui::ClearActiveID();
        st.search_active = false;
    }
    st.search_highlight = std::clamp(st.search_highlight, 0, std::max(0, n - 1));
    std::string picked;
    if (enter && n > 0) picked = a.data().cities[results[st.search_highlight].city].id;
    if (!a.search_query().empty() && n == 0) ImGui::TextDisabled("%s", ui.tr("No city found"));
    for (int i = 0; i < n; ++i) {
        const SearchResult& r = results[i];
        const City& c = a.data().cities[r.city];
        ImGui::PushID(i);
        const std::string line = c.local_name + "  ·  " + ui.country_name(c);
        if (ImGui::Selectable(line.c_str(), i == st.search_highlight)) picked = c.id;
        report_item(ui, "Search", c.id);
        if (ImGui::IsItemHovered()) st.search_highlight = i;
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(ui.tr(r.why.c_str())).x);
        ImGui::TextDisabled("%s", ui.tr(r.why.c_str()));
        ImGui::PopID();
    }
    if (!picked.empty()) {
        const int city = a.data().find_city(picked);
        st.chosen_hidden = a.is_visible(city) ? std::string() : picked;
        choose(ui, picked);
    }
    // The chosen city is hidden by the filters: say which, and offer to show it.
    if (const int hidden = a.data().find_city(st.chosen_hidden); hidden >= 0) {
        if (a.is_visible(hidden)) {
            st.chosen_hidden.clear();
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.warning"));
            ImGui::TextWrapped("%s", ui.fmt("{name} is hidden by: {filters}", {{"name", a.data().cities[hidden].local_name},
                                                                              {"filters", hiding_filters(ui, a.hidden_by(hidden))}}).c_str());
            ImGui::PopStyleColor();
            if (small_button(ui.tr("Show it"))) send(ui, {{"type", "reveal"}, {"id", st.chosen_hidden}});
            report_item(ui, "Search", "reveal");
        }
    }
    st.left_stack_y = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y + kPanelMargin;
    // The bar's own height, without the suggestions under the box (they cover the map for a moment).
    st.search_bottom = ImGui::GetWindowPos().y + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().WindowPadding.y;
    ImGui::End();
}

}  // namespace atlas::ui
