package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.common.RelayProperties;
import org.relay.rewards.Reward;
import org.relay.rewards.RewardManagers;
import org.relay.rewards.RewardRepository;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.identity.User;
import org.relay.i18n.LocalFormats;
import org.relay.i18n.UserLanguages;

/**
 * The async step of RewardApprovalProcess for a reward held at its referrer's cap (processes/reward-approval.bpmn):
 * one mail to each of the programme's managers, once per reward and address, saying whose reward is held and where to
 * decide on it. Texts from the rewards bundle (i18n/rewards).
 */
@Component("tellManagersRewardHeld")
class TellManagersRewardHeld implements JavaDelegate {

    private final RewardRepository rewards;
    private final RewardManagers managers;
    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final SentLog sentLog;
    private final MessageSource messages;
    private final RelayProperties properties;
    private final UserLanguages languages;
    private final LocalFormats formats;

    TellManagersRewardHeld(RewardRepository rewards, RewardManagers managers, TemplateEngine templates,
                           MailDelivery delivery, SentLog sentLog, MessageSource messages, RelayProperties properties,
                           UserLanguages languages, LocalFormats formats) {
        this.languages = languages;
        this.formats = formats;
        this.rewards = rewards;
        this.managers = managers;
        this.templates = templates;
        this.delivery = delivery;
        this.sentLog = sentLog;
        this.messages = messages;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable("rewardId");
        Reward reward = rewards.findById(((Number) id).longValue()).orElse(null);
        if (reward == null) {
            return;   // gone with its referral's erasure or test data: nobody to tell about it
        }
        String eventKey = "reward-held:" + reward.getId();
        for (User manager : managers.withEmail()) {
            if (!sentLog.wasSent(eventKey, manager.getEmail())) {
                Locale locale = languages.of(manager.getId());   // each manager reads it in their own language
                String worth = reward.getAmount() != null
                        ? formats.money(reward.getAmount(), reward.getCurrency(), locale, "")
                        : messages.getMessage("rewards.points", new Object[]{reward.getPoints()}, locale);
                String who = reward.getReferrerName() != null ? reward.getReferrerName() : reward.getReferrerId();
                String subject = messages.getMessage("rewards.mail.held.subject", new Object[]{who, worth}, locale);
                Context context = new Context(locale);
                context.setVariable("reward", reward);
                context.setVariable("who", who);
                context.setVariable("worth", worth);
                context.setVariable("tasklistLink", properties.publicUrl() + "/camunda/app/tasklist/");
                delivery.send(new MailMessage(List.of(manager.getEmail()), subject,
                        templates.process("mail/reward-held.txt", context), templates.process("mail/reward-held", context)));
                sentLog.sent(reward.getReferralId(), eventKey, manager.getEmail(), subject);
            }
        }
    }
}
