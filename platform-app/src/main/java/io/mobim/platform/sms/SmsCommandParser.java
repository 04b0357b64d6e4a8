package io.mobim.platform.sms;

import io.mobim.platform.presence.Availability;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the short-code command language, in English and French. The first word is the keyword,
 * case-insensitive and accent-insensitive, optionally behind a keypad-friendly {@code / . *} prefix;
 * {@code <n> <text>}, {@code @nick <text>} and {@code #room <text>} send messages. Anything else is an
 * {@link SmsCommand.Invalid} that names the keyword whose usage to show: nothing a subscriber writes is
 * dropped without an answer. Pure and thread-safe.
 */
public final class SmsCommandParser {

    private enum Keyword { ADD, DEL, LIST, ACCEPT, DENY, BLOCK, UNBLOCK, STATUS, JOIN, LEAVE, ROOMS, REG, START, STOP, PASS, DIRECTORY, HELP }

    private static final Map<String, Keyword> KEYWORDS = new HashMap<>();
    private static final Map<String, Availability> AVAILABILITY = new HashMap<>();

    static {
        alias(Keyword.ADD, "ADD", "A", "AJOUT", "AJOUTER");
        alias(Keyword.DEL, "DEL", "DELETE", "REMOVE", "SUPP", "SUPPR", "SUPPRIMER");
        alias(Keyword.LIST, "LIST", "L", "CL", "LISTE");
        alias(Keyword.ACCEPT, "ACCEPT", "ALLOW", "ACCEPTER", "OUI");
        alias(Keyword.DENY, "DENY", "REFUSE", "REFUSER", "NON");
        alias(Keyword.BLOCK, "BLOCK", "BLK", "BLOQUER");
        alias(Keyword.UNBLOCK, "UNBLOCK", "UNBLK", "DEBLOQUER");
        alias(Keyword.STATUS, "STATUS", "ST", "STATUT", "ETAT");
        alias(Keyword.JOIN, "JOIN", "J", "REJOINDRE", "ENTRER");
        alias(Keyword.LEAVE, "LEAVE", "EXIT", "QUITTER", "SORTIR");
        alias(Keyword.ROOMS, "ROOMS", "ROOM", "SALONS", "SALON");
        alias(Keyword.REG, "REG", "REGISTER", "INSCRIRE", "INSCRIPTION");
        alias(Keyword.START, "START", "UNSTOP", "YES", "DEMARRER");
        // the regulatory opt-out words (CTIA/MMA, copied by most operators) and their French equivalents
        alias(Keyword.STOP, "STOP", "END", "QUIT", "CANCEL", "UNSUBSCRIBE", "STOPALL", "ARRET", "ARRETER");
        alias(Keyword.PASS, "PASS", "PASSWORD", "MDP");
        alias(Keyword.DIRECTORY, "DIRECTORY", "DIR", "ANNUAIRE");
        alias(Keyword.HELP, "HELP", "H", "INFO", "AIDE", "?");
        for (String s : new String[] {"AVAILABLE", "ON", "ONLINE", "DISPO", "DISPONIBLE", "EN LIGNE"}) {
            AVAILABILITY.put(s, Availability.AVAILABLE);
        }
        for (String s : new String[] {"BUSY", "OCCUPE", "DND"}) {
            AVAILABILITY.put(s, Availability.BUSY);
        }
        for (String s : new String[] {"AWAY", "ABSENT", "AFK"}) {
            AVAILABILITY.put(s, Availability.AWAY);
        }
        for (String s : new String[] {"INVISIBLE", "OFF", "HIDDEN", "CACHE"}) {
            AVAILABILITY.put(s, Availability.INVISIBLE);
        }
    }

    private static void alias(Keyword k, String... words) {
        for (String w : words) {
            KEYWORDS.put(w, k);
        }
    }

    public SmsCommand parse(String sms) {
        if (sms == null) {
            return new SmsCommand.Invalid(null);
        }
        String text = sms.strip();
        if (text.isEmpty()) {
            return new SmsCommand.Invalid(null);
        }
        char first = text.charAt(0);
        if (first == '@') {
            return addressed(text.substring(1), true);
        }
        if (first == '#') {
            return addressed(text.substring(1), false);
        }
        if (first >= '0' && first <= '9') {
            return toContact(text);
        }
        if ((first == '/' || first == '.' || first == '*') && text.length() > 1) {
            text = text.substring(1).strip();
        }
        String[] head = splitFirst(text);
        Keyword keyword = KEYWORDS.get(fold(head[0]));
        if (keyword == null) {
            return new SmsCommand.Invalid(null);
        }
        String rest = head[1];
        String[] args = splitFirst(rest);
        return switch (keyword) {
            case ADD -> args[0].isEmpty() ? invalid("add") : new SmsCommand.Add(args[0], blankToNull(args[1]));
            case DEL -> number(args[0], rest, "del", SmsCommand.Delete::new);
            case LIST -> new SmsCommand.ListContacts();
            case ACCEPT -> rest.isEmpty() ? new SmsCommand.Accept(1) : number(args[0], rest, "accept", SmsCommand.Accept::new);
            case DENY -> rest.isEmpty() ? new SmsCommand.Deny(1) : number(args[0], rest, "deny", SmsCommand.Deny::new);
            case BLOCK -> number(args[0], rest, "block", SmsCommand.Block::new);
            case UNBLOCK -> number(args[0], rest, "unblock", SmsCommand.Unblock::new);
            case STATUS -> status(args);
            case JOIN -> args[0].isEmpty() ? invalid("join") : new SmsCommand.Join(room(args[0]), blankToNull(firstWord(args[1])));
            case LEAVE -> args[0].isEmpty() ? invalid("leave") : new SmsCommand.Leave(room(args[0]));
            case ROOMS -> new SmsCommand.Rooms();
            case REG -> args[0].isEmpty() ? invalid("reg") : new SmsCommand.Register(args[0]);
            case START -> new SmsCommand.Register(blankToNull(args[0]));
            case STOP -> new SmsCommand.Stop();
            case PASS -> rest.isEmpty() ? invalid("pass") : new SmsCommand.SetPassword(rest);
            case DIRECTORY -> switch (fold(args[0]).toUpperCase(Locale.ROOT)) {
                case "ON", "YES", "OUI" -> new SmsCommand.Listed(true);
                case "OFF", "NO", "NON" -> new SmsCommand.Listed(false);
                default -> invalid("directory");
            };
            case HELP -> new SmsCommand.Help(blankToNull(fold(args[0]).toLowerCase(Locale.ROOT)));
        };
    }

    private SmsCommand toContact(String text) {
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && i < 4) {
            i++;
        }
        if (i == text.length() || !Character.isWhitespace(text.charAt(i))) {
            return invalid("send");
        }
        String body = text.substring(i).strip();
        if (body.isEmpty()) {
            return invalid("send");
        }
        return new SmsCommand.SendToContact(Integer.parseInt(text.substring(0, i)), body);
    }

    private SmsCommand addressed(String text, boolean nickname) {
        String[] parts = splitFirst(text);
        if (parts[0].isEmpty() || parts[1].isEmpty()) {
            return invalid(nickname ? "nick" : "room");
        }
        return nickname ? new SmsCommand.SendToNickname(parts[0], parts[1]) : new SmsCommand.SendToRoom(room(parts[0]), parts[1]);
    }

    private SmsCommand status(String[] args) {
        if (args[0].isEmpty()) {
            return invalid("status");
        }
        Availability a = AVAILABILITY.get(fold(args[0]));
        if (a == null) {
            return invalid("status");
        }
        return new SmsCommand.SetStatus(a, blankToNull(args[1]));
    }

    private static SmsCommand number(String word, String rest, String usage, java.util.function.IntFunction<SmsCommand> command) {
        if (word.isEmpty() || word.length() > 4 || !word.chars().allMatch(Character::isDigit) || !splitFirst(rest)[1].isEmpty()) {
            return invalid(usage);
        }
        int n = Integer.parseInt(word);
        return n < 1 ? invalid(usage) : command.apply(n);
    }

    private static SmsCommand invalid(String usage) {
        return new SmsCommand.Invalid(usage);
    }

    private static String room(String word) {
        String r = word.startsWith("#") ? word.substring(1) : word;
        return r.toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String s) {
        return splitFirst(s)[0];
    }

    /** Splits off the first word; both parts stripped, never null. */
    private static String[] splitFirst(String s) {
        String t = s.strip();
        int i = 0;
        while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return new String[] {t.substring(0, i), t.substring(i).strip()};
    }

    /** Upper case without accents, so that "Arrêt", "ARRET" and "arret" are one keyword. */
    private static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
