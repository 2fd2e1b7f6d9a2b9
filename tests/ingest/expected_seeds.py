"""What a careful reader finds in the four seed articles, written from the text.

Agreements: specific documents the article names (a phrase the suggested name
must contain). Vague mentions are not listed: "15 documents were signed",
"these road maps", "a number of agreements", "agreements concluded between
... companies", "intergovernmental agreement with SOCAR" (names no document),
"a joint statement". 001's "Joint declaration ... on principal directions of
economic cooperation" IS listed although its subject is split from the word
"declaration" by the verb; the extractor is expected to miss it.

Tags: names from fixtures/gazetteer.json a curator would attach. Officials and
the organisations and places the story is about are tagged; analysts quoted
for comment (Pyatibratov, Niyazova, Vugar Bayramov, Azer Badamov) and their
employers are not. A topic is listed only when the article discusses it, not
when a word passes by once.
"""

SEEDS: dict[str, dict[str, list]] = {
    "000": {
        "agreements": ["small and medium", "GAZ vehicles"],
        "tags": [
            "Vladimir Putin",
            "Ilham Aliyev",
            "Rosneft",
            "SOCAR",
            "GAZ",
            "OSCE Minsk Group",
            "Russian SME Corporation",
            "SME Development Agency of Azerbaijan",
            "Sochi",
            "Caspian Sea",
            "Nagorno-Karabakh",
            "North-South Transport Corridor",
            "economy",
            "energy",
            "transport",
            "trade",
        ],
    },
    "001": {
        "agreements": [
            "action plan on the development of the key areas",
            "principal directions of economic cooperation",
            "program of cooperation between the azerbaijani and russian governments",
            "ministry of economy of azerbaijan on the development of economic cooperation",
            "digital transport systems",
            "customs offenses",
        ],
        "tags": [
            "Ilham Aliyev",
            "Vladimir Putin",
            "Shahin Mustafayev",
            "Milli Majlis",
            "State Oil Fund of Azerbaijan",
            "SOCAR",
            "Ministry of Economic Development of Russia",
            "Ministry of Economy of Azerbaijan",
            "Sochi",
            "India",
            "North-South Transport Corridor",
            "economy",
            "trade",
            "transport",
            "customs",
            "digitalisation",
            "humanitarian",
            "agriculture",
            "investment",
            "diplomacy",
        ],
    },
    "002": {
        "agreements": [],
        "tags": [
            "Ilham Aliyev",
            "Vladimir Putin",
            "Mehriban Aliyeva",
            "Valentina Matviyenko",
            "Mikayil Jabbarov",
            "Maxim Oreshkin",
            "Federation Council",
            "Ministry of Economic Development of Russia",
            "Ministry of Economy of Azerbaijan",
            "Moscow",
            "Baku",
            "Russia-Azerbaijan Interregional Forum",
            "economy",
            "military",
            "security",
        ],
    },
    "003": {
        "agreements": [
            "minutes of the 20th meeting",
            "pension",
            "memorandum of intent",
            "allied interaction",
        ],
        "tags": [
            "Shahin Mustafayev",
            "Alexei Overchuk",
            "Ilham Aliyev",
            "Vladimir Putin",
            "Azerbaijan-Russia Intergovernmental Commission",
            "KAMAZ",
            "SME Development Agency of Azerbaijan",
            "Russian SME Corporation",
            "Karabakh",
            "Iran",
            "South Caucasus",
            "Intergovernmental Commission meeting",
            "Russia-Azerbaijan Interregional Forum",
            "North-South Transport Corridor",
            "economy",
            "energy",
            "trade",
            "transport",
            "investment",
            "agriculture",
            "industry",
        ],
    },
}
