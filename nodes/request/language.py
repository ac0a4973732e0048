"""Whether a request is written in a language the planner does not read: it plans English only."""

from __future__ import annotations

import re

#: Common words of the languages people most often try, that are not also common English words.
_FOREIGN = {
    "German": {"ich", "mich", "mir", "und", "der", "das", "ein", "eine", "einen", "nicht", "bitte", "morgen", "uhr",
               "mit", "für", "auf", "ist", "den", "dem", "daran", "schick", "schicke", "erinnere", "heute", "meine",
               "dass", "nachricht", "schreib", "schreibe", "komme", "später", "spät", "bin", "habe", "zu", "sie", "er",
               "meinen", "nächste", "nächsten", "woche", "termin", "zum", "zur", "sag", "sage", "wie", "wann", "oder"},
    "Spanish": {"el", "los", "las", "que", "por", "para", "con", "una", "mañana", "recuérdame", "recuerdame", "envía",
                "envia", "manda", "mándale", "mi", "mis", "hoy", "próximo", "semana", "del", "al", "dile", "correo",
                "llamar", "cita", "es", "está", "cuando", "hola", "gracias", "pon", "crea", "nota", "un", "mensaje",
                "diciendo", "llego", "tarde", "escribe", "escríbele", "avisa", "avísale", "dile", "reunión", "y", "de",
                "en", "su", "le", "lo", "voy", "tengo", "estoy", "puedes", "puede", "recordar", "dos", "tres", "diez", "once",
                "doce", "nueve", "ocho", "siete", "seis", "cinco", "cuatro", "hora", "horas", "por favor", "favor"},
    "French": {"le", "les", "des", "et", "pour", "avec", "une", "demain", "rappelle", "rappelle-moi", "envoie", "je",
               "moi", "mon", "ma", "mes", "aujourd'hui", "prochain", "semaine", "du", "au", "dis", "lui", "courriel",
               "rendez-vous", "est", "quand", "bonjour", "merci", "crée", "cette", "sur", "un", "à", "dire", "disant",
               "que", "suis", "retard", "écris", "écrire", "réunion", "vais", "ai"},
    "Portuguese": {"lembre", "lembra", "lembra-me", "lembre-me", "amanhã", "amanha", "envie", "manda", "meu", "minha",
                   "hoje", "semana", "próxima", "para", "com", "uma", "não", "obrigado", "obrigada", "reunião", "nota",
                   "diga", "de", "ligar", "às", "da", "manhã", "tarde", "noite", "mensagem", "você", "pode"},
    "Italian": {"ricordami", "domani", "invia", "manda", "il", "gli", "della", "per", "con", "una", "oggi",
                "prossima", "settimana", "di", "dì", "grazie", "crea", "appuntamento", "mio", "mia", "alle"},
    "Polish": {"wyślij", "wyslij", "też", "tez", "proszę", "prosze", "przypomnij", "jutro", "dzisiaj", "się", "jest",
               "mnie", "wiadomość", "spotkanie", "napisz", "dziękuję", "dzięki", "że", "czy", "kiedy", "gdzie",
               "zadzwoń", "powiedz", "godzinie", "rano", "wieczorem", "jutra", "mój", "moja", "będę", "spóźniony"},
    "Irish": {"cuir", "téacs", "teacs", "chuig", "mbeidh", "mé", "déanach", "thoil", "agus", "inniu", "amárach",
              "seol", "ríomhphost", "chun", "dom", "liom", "tá", "níl", "sé", "sí", "dhom", "mheabhraigh", "cruinniú"},
    "Dutch": {"herinner", "morgen", "stuur", "mijn", "het", "een", "niet", "vandaag", "volgende", "week", "voor",
              "met", "naar", "zeg", "afspraak", "maak", "om", "uur", "alsjeblieft", "bedankt", "van", "dat"},
}
#: English function words: a request with as many of these is English, whatever else it has.
_ENGLISH = {"the", "a", "an", "to", "and", "my", "me", "i", "for", "with", "on", "at", "in", "of", "is", "it",
            "please", "can", "you", "remind", "send", "text", "email", "tomorrow", "today", "next", "week", "what",
            "when", "how", "make", "add", "put", "tell", "that", "this", "from", "about", "her", "him", "them"}
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


#: Scripts other than the Latin alphabet, by the language people most often write in each
_SCRIPTS = (("Hindi", "\u0900-\u097f"), ("Arabic", "\u0600-\u06ff"), ("Russian", "\u0400-\u04ff"),
            ("Greek", "\u0370-\u03ff"), ("Hebrew", "\u0590-\u05ff"), ("Thai", "\u0e00-\u0e7f"),
            ("Chinese", "\u4e00-\u9fff"), ("Japanese", "\u3040-\u30ff"), ("Korean", "\uac00-\ud7af"),
            ("Bengali", "\u0980-\u09ff"), ("Tamil", "\u0b80-\u0bff"))


def foreign_language(text: str) -> str | None:
    """The language a request is written in when it is not English ("German"), else None: at least three
    common words of that language and more of them than English ones (names and numbers count for none), or
    most of its letters in another script (Devanagari: "Hindi")."""
    letters = [c for c in (text or "") if c.isalpha()]
    for lang, span in _SCRIPTS:
        if letters and sum(bool(re.match(f"[{span}]", c)) for c in letters) * 2 > len(letters):
            return lang
    words = [w.lower() for w in _WORD.findall(text or "")]
    english = sum(w in _ENGLISH for w in words)
    if "¿" in (text or "") or "¡" in (text or ""):  # marks only Spanish writes
        english -= 2
    best, hits = None, 0
    for lang, common in _FOREIGN.items():
        n = sum(w in common for w in words)
        if n > hits:
            best, hits = lang, n
    return best if hits >= 3 and hits > english else None


def english_only(language: str) -> str:
    """The answer to a request in another language."""
    return (f"This request looks like {language}. I plan requests in English only, so nothing was run. "
            f"Please ask again in English (for example: \"Remind me tomorrow at 8am to water the plants\").")
