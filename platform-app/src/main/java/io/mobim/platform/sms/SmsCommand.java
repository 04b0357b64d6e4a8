package io.mobim.platform.sms;

import io.mobim.platform.presence.Availability;

/** One command of the short-code language, as {@link SmsCommandParser} reads it from an MO. */
public sealed interface SmsCommand {

    /** {@code <n> <text>}: to contact number n. */
    record SendToContact(int position, String text) implements SmsCommand {
    }

    /** {@code @<nick> <text>}: to the contact, or the member of one of the sender's rooms, called nick. */
    record SendToNickname(String nickname, String text) implements SmsCommand {
    }

    /** {@code #<room> <text>}. */
    record SendToRoom(String room, String text) implements SmsCommand {
    }

    /** {@code ADD <number> [nick]}. */
    record Add(String number, String nickname) implements SmsCommand {
    }

    /** {@code DEL <n>}. */
    record Delete(int position) implements SmsCommand {
    }

    /** {@code LIST}: numbered contacts with presence. */
    record ListContacts() implements SmsCommand {
    }

    /** {@code ACCEPT <n>}: the n-th pending authorisation request. */
    record Accept(int request) implements SmsCommand {
    }

    /** {@code DENY <n>}. */
    record Deny(int request) implements SmsCommand {
    }

    /** {@code BLOCK <n>}: contact n. */
    record Block(int position) implements SmsCommand {
    }

    /** {@code UNBLOCK <n>}. */
    record Unblock(int position) implements SmsCommand {
    }

    /** {@code STATUS <availability> [text]}. */
    record SetStatus(Availability availability, String text) implements SmsCommand {
    }

    /** {@code JOIN <room> [nick]}. */
    record Join(String room, String nickname) implements SmsCommand {
    }

    /** {@code LEAVE <room>}. */
    record Leave(String room) implements SmsCommand {
    }

    /** {@code ROOMS}. */
    record Rooms() implements SmsCommand {
    }

    /** {@code REG <nick>} or {@code START}: join the service, or come back after STOP. */
    record Register(String nickname) implements SmsCommand {
    }

    /** {@code DIRECTORY ON|OFF} (French {@code ANNUAIRE OUI|NON}): be found by nickname in searches, or not. */
    record Listed(boolean listed) implements SmsCommand {
    }

    /** {@code STOP} (and END, QUIT, CANCEL, UNSUBSCRIBE, ARRET): leave the service, no more SMS from it. */
    record Stop() implements SmsCommand {
    }

    /**
     * {@code PASS <password>} (French {@code MDP <mot de passe>}): sets the password of the subscriber's client app
     * (Wireless Village). Shown without the password, so that it never reaches a log.
     */
    record SetPassword(String password) implements SmsCommand {
        @Override
        public String toString() {
            return "SetPassword[password=***]";
        }
    }

    /** {@code HELP [topic]}. */
    record Help(String topic) implements SmsCommand {
    }

    /**
     * Not a command: the sender gets a one-SMS help reply naming what was wrong.
     *
     * @param usage the key of the usage line to show (the keyword that was misused), or null for general help
     */
    record Invalid(String usage) implements SmsCommand {
    }
}
